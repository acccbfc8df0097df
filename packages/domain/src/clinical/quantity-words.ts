/**
 * A prescription's quantity in words, as prescriptions customarily repeat it so a figure
 * cannot be altered unnoticed: 30 → "thirty", 120 → "one hundred twenty", 2.5 → "two point five".
 */
const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function below1000(n: number): string {
  const parts: string[] = [];
  if (n >= 100) parts.push(`${ONES[Math.floor(n / 100)]} hundred`);
  const rest = n % 100;
  if (rest > 0 || parts.length === 0) {
    if (rest < 20) parts.push(ONES[rest] as string);
    else parts.push(rest % 10 ? `${TENS[Math.floor(rest / 10)]}-${ONES[rest % 10]}` : (TENS[rest / 10] as string));
  }
  return parts.join(' ');
}

/** Whole numbers 0 to 999,999 in words. */
export function integerInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`no words for ${n}`);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 0) return below1000(rest);
  return rest ? `${below1000(thousands)} thousand ${below1000(rest)}` : `${below1000(thousands)} thousand`;
}

/** A quantity with at most two decimals, in words: digits after the point are read one by one. */
export function quantityInWords(quantity: number): string {
  const [whole, fraction] = quantity
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .split('.');
  const words = integerInWords(Number(whole));
  return fraction ? `${words} point ${[...fraction].map((d) => ONES[Number(d)]).join(' ')}` : words;
}
