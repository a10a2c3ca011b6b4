/**
 * Person keys (HMAC-SHA-256 under the installation's secret) computed in batches: through the
 * native addon (OpenSSL's SHA-256 inside Node) they must be the very bytes node:crypto gives,
 * or a ledger filled by one would not recognise the people of the other.
 */
import assert from "node:assert/strict";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { describe, test } from "node:test";
import { PersonKeyer, hmacSha256Many } from "../src/identity/keys.js";
import { NATIVE_PATH, nativeAddon } from "../src/native/addon.js";
import { randomKey } from "../src/native/random-key.js";

const one = (key: Buffer, m: string) => createHmac("sha256", key).update(m, "utf8").digest();

/** Random identifiers: ASCII, Chinese, empty, longer than a SHA-256 block, and a lone surrogate. */
function messages(seed: number, count: number): string[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const alphabet = ["1", "3", "8", "X", "@", ".", "a", "张", "王", "é", "🙂", "\ud800", " "];
  return Array.from({ length: count }, (_, i) => {
    if (i % 97 === 0) return "";
    const len = i % 13 === 0 ? 60 + Math.floor(next() * 300) : Math.floor(next() * 40);
    let m = "";
    for (let k = 0; k < len; k++) m += alphabet[Math.floor(next() * alphabet.length)];
    return m;
  });
}

describe("person keys in batches", () => {
  test("RFC 4231 test vectors (a short key, and a key longer than the block)", () => {
    const jefe = hmacSha256Many(Buffer.from("Jefe"), ["what do ya want for nothing?"]);
    assert.equal(jefe.toString("hex"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    const long = hmacSha256Many(Buffer.alloc(131, 0xaa), ["Test Using Larger Than Block-Size Key - Hash Key First"]);
    assert.equal(long.toString("hex"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  });

  test("a batch gives each message's node:crypto HMAC, in order, natively and without the addon", () => {
    const key = randomBytes(32);
    const list = messages(7, 3000);
    const expected = Buffer.concat(list.map((m) => one(key, m)));
    assert.ok(hmacSha256Many(key, list).equals(expected));
    assert.ok(hmacSha256Many(key, list, false).equals(expected));
    assert.equal(hmacSha256Many(key, []).length, 0);
  });

  test("the installation's keyer keys people with its secret", () => {
    const secret = randomBytes(32);
    const keyer = new PersonKeyer(secret);
    const list = ["cn_mobile:13800138000", "cn_resident_id:11010519491231002X", "email:张三@例子.中国"];
    assert.ok(keyer.keyMany(list).equals(Buffer.concat(list.map((m) => one(secret, m)))));
  });

  test("where the addon was built, it computes the keys (the batch above did not fall back)", { skip: !existsSync(NATIVE_PATH) }, () => {
    const many = nativeAddon()?.hmacSha256Many as (k: Uint8Array, d: Uint8Array, e: Uint32Array, o: Uint8Array) => boolean;
    const out = Buffer.alloc(64);
    const data = Buffer.from("abcdef");
    assert.equal(many(Buffer.from("k"), data, Uint32Array.of(2, 6), out), true);
    assert.ok(out.subarray(0, 32).equals(one(Buffer.from("k"), "ab")));
    assert.ok(out.subarray(32).equals(one(Buffer.from("k"), "cdef")));
    assert.throws(() => many(Buffer.from("k"), data, Uint32Array.of(4, 2), out), /ends must rise/);
    assert.throws(() => many(Buffer.from("k"), data, Uint32Array.of(7), out), /inside data/);
    assert.throws(() => many(Buffer.from("k"), data, Uint32Array.of(1, 2, 3), out), /32 bytes per message/);
  });
});

describe("the scanner's per-scan key", () => {
  test("is random: 8 bytes, new for every scan, from the addon where it was built (Linux)", () => {
    const keys = Array.from({ length: 64 }, () => randomKey(8).toString("hex"));
    assert.equal(new Set(keys).size, 64);
    for (const k of keys) assert.equal(k.length, 16);
    // Every bit is set in some key and clear in another (a key of zeros, or a stuck bit, fails).
    const or = keys.reduce((a, k) => a | BigInt(`0x${k}`), 0n);
    const and = keys.reduce((a, k) => a & BigInt(`0x${k}`), (1n << 64n) - 1n);
    assert.equal(or, (1n << 64n) - 1n);
    assert.equal(and, 0n);
    if (existsSync(NATIVE_PATH) && process.platform === "linux") {
      const out = new Uint8Array(8);
      assert.equal((nativeAddon()!.randomKey as (o: Uint8Array) => boolean)(out), true);
      assert.ok(out.some((b) => b !== 0));
    }
  });
});
