/**
 * Keyed hashes of identifiers: HMAC-SHA-256 under a per-installation secret kept in a file
 * (mode 0600) outside the database. The database only ever sees these 32-byte keys.
 */
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class SecretError extends Error {
  override name = "SecretError";
}

/** Read the secret, creating it (32 random bytes, hex, mode 0600) on first use. */
export function loadOrCreateSecret(path: string): Buffer {
  if (existsSync(path)) {
    const hex = readFileSync(path, "utf8").trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new SecretError(`${path}: not an xborder secret (expected 64 hex characters)`);
    return Buffer.from(hex, "hex");
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  writeFileSync(path, `${secret.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(path, 0o600);
  return secret;
}

export class PersonKeyer {
  constructor(private readonly secret: Buffer) {}

  key(canonical: string): Buffer {
    return createHmac("sha256", this.secret).update(canonical).digest();
  }

  /** A fingerprint of the secret, stored in the database to catch a mismatched secret file. */
  fingerprint(): string {
    return createHmac("sha256", this.secret).update("xborder:secret-fingerprint").digest("hex").slice(0, 16);
  }
}
