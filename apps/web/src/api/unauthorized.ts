/**
 * Any API call answered 401 (outside the login form) signs the user out of the UI:
 * the client reports the problem code here and the app shell sends the user to the login page.
 */
type Listener = (code: string) => void;
const listeners = new Set<Listener>();

export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function reportUnauthorized(code: string): void {
  for (const l of listeners) l(code);
}
