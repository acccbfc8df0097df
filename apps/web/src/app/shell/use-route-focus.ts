/**
 * After a client-side navigation (sign-in, a nav link, opening a chart) focus moves to the new
 * page's h1, or to <main> when the page has none within a few seconds: a keyboard or screen-reader
 * user starts at the content instead of wherever the old page left focus (or nowhere).
 *
 * Focus is left alone on the document's first load (the browser starts at the top, and the first
 * Tab reaches the skip link), and whenever the user or the page has put it somewhere since the
 * navigation: a field the new page focuses itself (autoFocus), or the header search after `/`.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';

const WAIT_MS = 5_000;

/**
 * The key of the history entry the document was loaded at (react-router keeps each entry's key in
 * history.state, so a reload keeps it; 'default' on a first visit): no navigation has happened yet.
 */
const LOADED_AT = (window.history.state as { key?: string } | null)?.key ?? 'default';

function focusTarget(main: HTMLElement): HTMLElement | null {
  return main.querySelector<HTMLElement>('h1');
}

function moveFocus(el: HTMLElement): void {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}

export function useRouteFocus(): void {
  const location = useLocation();
  useEffect(() => {
    if (location.key === LOADED_AT) return;
    const main = document.getElementById('main');
    if (!main) return;
    const before = document.activeElement;
    // The user (or the page) moved focus since the navigation: leave it there.
    const untouched = () => {
      const now = document.activeElement;
      return now === null || now === document.body || (now === before && !main.contains(before));
    };
    let done = false;
    const tryFocus = (final: boolean) => {
      if (done) return;
      const h1 = focusTarget(main);
      if (!h1 && !final) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      if (untouched()) moveFocus(h1 ?? main);
    };
    const observer = new MutationObserver(() => tryFocus(false));
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => tryFocus(true), WAIT_MS);
    // The page may already be there (same chunk, cached data).
    queueMicrotask(() => tryFocus(false));
    return () => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [location.key]);
}

/** Rendered inside <main>, so it runs once the shell (and #main) is on screen. */
export function RouteFocus(): null {
  useRouteFocus();
  return null;
}
