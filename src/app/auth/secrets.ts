import { createHash, randomBytes } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

/** A random token for a cookie or a link: 256 bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as SHA-256: a leaked table opens no session. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** argon2id's cost for new password hashes: memory in KiB and passes (one lane). */
export interface PasswordHashCost {
  memoryCost: number;
  timeCost: number;
}

/**
 * OWASP's argon2id minimum is m=19 MiB, t=2, p=1; these are the library's stronger defaults, and what
 * every context uses unless it says otherwise (only the tests do, to keep fixtures cheap). A stored
 * hash carries its own cost, so verification works whatever the cost was when it was made.
 */
export const PASSWORD_HASH_COST: PasswordHashCost = { memoryCost: 65536, timeCost: 3 };

export const hashPassword = (password: string, cost: PasswordHashCost = PASSWORD_HASH_COST): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id, parallelism: 1, ...cost });

export const verifyPassword = (hash: string, password: string): Promise<boolean> =>
  argon2.verify(hash, password).catch(() => false);

/** Compared against when the account does not exist, so both answers take as long as a real check. */
const dummyHashes = new Map<string, Promise<string>>();
export const verifyAgainstNothing = async (
  password: string,
  cost: PasswordHashCost = PASSWORD_HASH_COST,
): Promise<false> => {
  const key = `${cost.memoryCost}/${cost.timeCost}`;
  if (!dummyHashes.has(key)) dummyHashes.set(key, hashPassword(randomToken(), cost));
  await verifyPassword(await dummyHashes.get(key)!, password);
  return false;
};

const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
/** Passwords attackers try first (zxcvbn-ts' list of about 49 000). */
export const isCommonPassword = (password: string): boolean => COMMON.has(password.toLowerCase());
