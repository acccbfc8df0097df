/** An instant as the lists and panels show it, in the browser's zone: "Dec 4, 3:05 PM". */
export function shortWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}
