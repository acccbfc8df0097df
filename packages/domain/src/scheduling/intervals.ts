/** Half-open intervals [start, end) of epoch milliseconds, kept sorted and merged. */
export type Interval = readonly [number, number];

/** Sort and merge touching or overlapping intervals; drop empty ones. */
export function normalize(list: Interval[]): Interval[] {
  const sorted = list.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** `a` minus `b`; both normalized. */
export function subtract(a: Interval[], b: Interval[]): Interval[] {
  if (b.length === 0) return a;
  const out: Interval[] = [];
  let j = 0;
  for (const [s0, e] of a) {
    let s = s0;
    while (j < b.length && (b[j] as Interval)[1] <= s) j++;
    let k = j;
    while (k < b.length && (b[k] as Interval)[0] < e) {
      const [bs, be] = b[k] as Interval;
      if (bs > s) out.push([s, bs]);
      s = Math.max(s, be);
      if (s >= e) break;
      k++;
    }
    if (s < e) out.push([s, e]);
  }
  return out;
}

/** True when [s, e) overlaps any interval of the normalized list. */
export function overlapsAny(list: Interval[], s: number, e: number): boolean {
  let lo = 0;
  let hi = list.length;
  // First interval whose end is after s.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Interval)[1] <= s) lo = mid + 1;
    else hi = mid;
  }
  const first = list[lo];
  return first !== undefined && first[0] < e;
}

/** True when [s, e) lies inside one interval of the normalized list. */
export function containedIn(list: Interval[], s: number, e: number): boolean {
  for (const [a, b] of list) {
    if (a <= s && e <= b) return true;
    if (a > s) return false;
  }
  return false;
}
