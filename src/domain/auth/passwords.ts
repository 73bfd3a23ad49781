/**
 * Password rules (OWASP ASVS level 2): at least 12 characters, at most 128 (hashing cost), and not
 * one of the passwords attackers try first. Returns a Swedish message, or null when acceptable.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export function passwordProblem(
  password: string,
  isCommon: (p: string) => boolean,
  context: string[] = [],
): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Lösenordet ska ha minst ${MIN_PASSWORD_LENGTH} tecken.`;
  if (length > MAX_PASSWORD_LENGTH) return `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`;
  const lower = password.toLowerCase();
  if (isCommon(lower))
    return 'Lösenordet är för vanligt. Välj ett som är svårare att gissa, till exempel några ord i följd.';
  if (context.some((c) => c.length >= 4 && lower.includes(c.toLowerCase()))) {
    return 'Lösenordet får inte innehålla din e-postadress eller ditt namn.';
  }
  if (new Set(lower).size < 4) return 'Lösenordet har för få olika tecken.';
  return null;
}
