/**
 * Stand-in for `react-style-singleton` (vite.config.ts aliases it here). Mantine's Modal and
 * Drawer lock page scroll through react-remove-scroll, whose styles that package writes into a
 * `<style>` element, which our CSP blocks. Same API, but the CSS goes into an adopted
 * constructed stylesheet (CSSOM, allowed).
 */
import { useEffect } from 'react';

export function stylesheetSingleton() {
  let counter = 0;
  let sheet: CSSStyleSheet | null = null;
  return {
    add(css: string) {
      if (counter === 0) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      counter++;
    },
    remove() {
      counter--;
      if (counter === 0 && sheet) {
        const gone = sheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== gone);
        sheet = null;
      }
    },
  };
}

export function styleHookSingleton() {
  const sheet = stylesheetSingleton();
  return (styles: string, isDynamic?: boolean) => {
    // Same dependency rule as the original: restyle only when marked dynamic.
    // biome-ignore lint/correctness/useExhaustiveDependencies: mirrors react-style-singleton's semantics
    useEffect(() => {
      sheet.add(styles);
      return () => sheet.remove();
    }, [styles && isDynamic]);
  };
}

export function styleSingleton() {
  const useStyle = styleHookSingleton();
  // biome-ignore lint/correctness/noComponentHookFactories: a factory its callers run once, at module level
  return function Sheet({ styles, dynamic }: { styles: string; dynamic?: boolean }): null {
    useStyle(styles, dynamic);
    return null;
  };
}
