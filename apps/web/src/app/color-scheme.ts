import type { MantineColorSchemeManager } from '@mantine/core';

/** Light only, remembered nowhere: Mantine's default manager writes to localStorage, which sign-out must leave empty. */
export const fixedColorScheme: MantineColorSchemeManager = {
  get: () => 'light',
  set: () => undefined,
  subscribe: () => undefined,
  unsubscribe: () => undefined,
  clear: () => undefined,
};
