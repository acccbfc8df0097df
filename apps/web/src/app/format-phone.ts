/**
 * A stored phone number (E.164, "+13035550142") as people read it: a US or Canadian
 * number nationally, "(303) 555-0142"; any other is left as stored, which every country
 * reads. The forms accept either way of writing it (the server normalizes).
 */
export function displayPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `(${nanp[1]}) ${nanp[2]}-${nanp[3]}` : e164;
}
