import { createHash, randomBytes } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

/** A random token for a cookie or a link: 256 bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as SHA-256: a leaked table opens no session. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// OWASP's argon2id minimum is m=19 MiB, t=2, p=1; these are the library's stronger defaults.
const ARGON2 = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, ARGON2);

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

/** Compared against when the account does not exist, so both answers take as long. */
let dummyHash: Promise<string> | undefined;
export const verifyAgainstNothing = async (password: string): Promise<false> => {
  dummyHash ??= hashPassword(randomToken());
  await verifyPassword(await dummyHash, password);
  return false;
};

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
/** Passwords attackers try first (zxcvbn-ts' list of about 49 000). */
export const isCommonPassword = (password: string): boolean => COMMON.has(password.toLowerCase());
