/** Query keys of the equipment screens: the inventory, the fault lists, one fault. */
export const equipmentKeys = {
  all: ['equipment'] as const,
  /** The inventory and the faults: reporting or resolving a fault changes both (open counts, out of service). */
  lists: () => [...equipmentKeys.all, 'lists'] as const,
  inventory: (filter: Record<string, unknown>) => [...equipmentKeys.lists(), 'inventory', filter] as const,
  faults: (filter: Record<string, unknown>) => [...equipmentKeys.lists(), 'faults', filter] as const,
  fault: (id: string) => [...equipmentKeys.lists(), 'fault', id] as const,
};
