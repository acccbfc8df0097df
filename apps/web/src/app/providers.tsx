/**
 * Mantine, TanStack Query and notifications. MantineProvider is configured for our CSP:
 * no injected <style> elements (CSS variables come from @mantine/core/styles.css with the
 * theme's colours in styles/theme.css (app/theme.ts); global classes from styles/app.css; responsive variables via csp-inline-styles.ts).
 * A theme change that alters CSS variables must ship them in a static CSS file, not through the provider.
 */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fixedColorScheme } from './color-scheme.ts';
import { queryClient } from './query-client.ts';
import { theme } from './theme.ts';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider
      theme={theme}
      withCssVariables={false}
      withGlobalClasses={false}
      colorSchemeManager={fixedColorScheme}
      forceColorScheme="light"
    >
      <QueryClientProvider client={queryClient}>
        <Notifications position="top-right" />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
