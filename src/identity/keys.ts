/**
 * Keyed hashes of identifiers: HMAC-SHA-256 under a per-installation secret kept in a file
 * (mode 0600) outside the database. The database only ever sees these 32-byte keys.
 */
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { nativeAddon } from "../native/addon.js";

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

type HmacSha256Many = (key: Uint8Array, data: Uint8Array, ends: Uint32Array, out: Uint8Array) => boolean;

/**
 * HMAC-SHA-256 of each message (as UTF-8) under `key`, 32 bytes each, in order, in one buffer.
 * Through the native addon where it was built (OpenSSL's SHA-256 inside Node, ~10× faster than a
 * node:crypto Hmac object per message), else node:crypto; the same bytes either way.
 */
export function hmacSha256Many(key: Buffer, messages: readonly string[], native = true): Buffer {
  const out = Buffer.allocUnsafe(messages.length * 32);
  const many = native ? (nativeAddon()?.hmacSha256Many as HmacSha256Many | undefined) : undefined;
  if (many && messages.length > 0) {
    const ends = new Uint32Array(messages.length);
    let end = 0;
    messages.forEach((m, i) => (ends[i] = end += Buffer.byteLength(m, "utf8")));
    if (many(key, Buffer.from(messages.join(""), "utf8"), ends, out)) return out;
  }
  messages.forEach((m, i) =>
    createHmac("sha256", key)
      .update(m, "utf8")
      .digest()
      .copy(out, i * 32),
  );
  return out;
}

export class PersonKeyer {
  constructor(private readonly secret: Buffer) {}

  /** The secret itself, for a worker thread of this process that keys people (never written anywhere). */
  secretBytes(): Uint8Array {
    return new Uint8Array(this.secret);
  }

  /** The keys of many people at once (32 bytes each, in order): what an import uses. */
  keyMany(canonicals: readonly string[]): Buffer {
    return hmacSha256Many(this.secret, canonicals);
  }

  /** A fingerprint of the secret, stored in the database to catch a mismatched secret file. */
  fingerprint(): string {
    return createHmac("sha256", this.secret).update("xborder:secret-fingerprint").digest("hex").slice(0, 16);
  }
}
