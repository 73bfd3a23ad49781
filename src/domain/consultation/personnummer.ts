/**
 * Finds Swedish personal identity numbers (personnummer, and samordningsnummer, whose day is 60 higher)
 * in free text, so that a comment holding one is refused before it is stored: a comment becomes an
 * allmän handling and is published, and a personnummer must never be. Written with or without the
 * century (YYYYMMDD or YYMMDD), with or without the dash or plus (the plus: 100 years or older), and
 * with a space in place of the dash. Only numbers whose date exists and whose control digit is right
 * (the Luhn algorithm over the ten digits) count, so order numbers and phone numbers seldom match.
 */

/** Digits not joined to other digits: 6 or 8 date digits, an optional -, + or space, then four digits. */
const CANDIDATE = /(?<![\d])(\d{2})?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?![\d])/g;

/** The Luhn check over the ten digits YYMMDDNNNC: true when the control digit C is right. */
export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether month and day can be a birth date (a samordningsnummer's day is the day plus 60). */
function plausibleDate(century: string | undefined, yy: string, mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60;
  if (month < 1 || month > 12 || day < 1) return false;
  // Without the century, 29 February is allowed: some century makes it a leap year (2000 did).
  const year = century === undefined ? 2000 : Number(`${century}${yy}`);
  if (century !== undefined && (year < 1800 || year > 2199)) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** Each personnummer in `text`, as written there. */
export function findPersonnummer(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, century, yy, mm, dd, last] = m as unknown as [
      string,
      string | undefined,
      string,
      string,
      string,
      string,
    ];
    if (plausibleDate(century, yy, mm, dd) && luhnValid(`${yy}${mm}${dd}${last}`)) found.push(whole);
  }
  return found;
}

export const containsPersonnummer = (text: string): boolean => findPersonnummer(text).length > 0;
