/** Query keys of the practice's locations: the active ones (scheduling) and all of them (Admin → Locations). */
export const locationKeys = {
  all: ['locations'] as const,
  active: () => [...locationKeys.all, 'active'] as const,
  withInactive: () => [...locationKeys.all, 'with-inactive'] as const,
};
