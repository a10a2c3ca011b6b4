/** Passwords: argon2id (@node-rs/argon2, OWASP's parameters: 19 MiB, 2 passes), never stored in clear. */
import { Algorithm, hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD = 12;

export class PasswordError extends Error {
  override name = "PasswordError";
}

export function checkPassword(pw: unknown): string {
  if (typeof pw !== "string" || [...pw].length < MIN_PASSWORD) throw new PasswordError(`password: at least ${MIN_PASSWORD} characters`);
  if (pw.length > 1024) throw new PasswordError("password: at most 1024 characters");
  return pw;
}

export const hashPassword = (pw: string) => hash(pw, { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A hash to verify against when the e-mail is unknown, so timing does not tell which e-mails exist. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword("xborder decoy password, never used"));
