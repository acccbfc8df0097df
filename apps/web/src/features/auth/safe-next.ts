/** Where to go after signing in: only a path on this site (never `//evil.example`), else the dashboard. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
