/**
 * HalfSipHash-2-4 with a 64-bit tag (Aumasson & Bernstein; reference: veorq/SipHash
 * halfsiphash.c, CC0), written here because the scanner keys every record's person and
 * node:crypto's HMAC costs ~2 µs a call (per-call object setup) — slower than scanning the
 * record's bytes. It is a keyed PRF on 32-bit words, so JavaScript runs it without BigInt.
 * The key is random per scan and never leaves the process; the point is that no identifier
 * is kept, only its tag. Tags are returned as two uint32 halves for an allocation-free table.
 */
const v = new Int32Array(4);

function sipRounds(n: number): void {
  let v0 = v[0]!;
  let v1 = v[1]!;
  let v2 = v[2]!;
  let v3 = v[3]!;
  for (let r = 0; r < n; r++) {
    v0 = (v0 + v1) | 0;
    v1 = (v1 << 5) | (v1 >>> 27);
    v1 ^= v0;
    v0 = (v0 << 16) | (v0 >>> 16);
    v2 = (v2 + v3) | 0;
    v3 = (v3 << 8) | (v3 >>> 24);
    v3 ^= v2;
    v0 = (v0 + v3) | 0;
    v3 = (v3 << 7) | (v3 >>> 25);
    v3 ^= v0;
    v2 = (v2 + v1) | 0;
    v1 = (v1 << 13) | (v1 >>> 19);
    v1 ^= v2;
    v2 = (v2 << 16) | (v2 >>> 16);
  }
  v[0] = v0;
  v[1] = v1;
  v[2] = v2;
  v[3] = v3;
}

export class KeyedHash {
  private readonly k0: number;
  private readonly k1: number;
  /** The last tag's halves (read after `tag()`). */
  hi = 0;
  lo = 0;

  constructor(readonly key: Uint8Array) {
    if (key.length < 8) throw new Error("KeyedHash needs an 8-byte key");
    this.k0 = key[0]! | (key[1]! << 8) | (key[2]! << 16) | (key[3]! << 24);
    this.k1 = key[4]! | (key[5]! << 8) | (key[6]! << 16) | (key[7]! << 24);
  }

  /** Tag of bytes [start, end) of `input`; the result is in `hi`/`lo`. */
  tag(input: Uint8Array, start: number, end: number): void {
    v[0] = this.k0;
    v[1] = this.k1 ^ 0xee;
    v[2] = 0x6c796765 ^ this.k0;
    v[3] = 0x74656462 ^ this.k1;
    const len = end - start;
    const blocksEnd = start + (len & ~3);
    let i = start;
    for (; i < blocksEnd; i += 4) {
      const m = input[i]! | (input[i + 1]! << 8) | (input[i + 2]! << 16) | (input[i + 3]! << 24);
      v[3]! ^= m;
      sipRounds(2);
      v[0]! ^= m;
    }
    let b = (len & 0xff) << 24;
    const left = len & 3;
    if (left >= 3) b |= input[i + 2]! << 16;
    if (left >= 2) b |= input[i + 1]! << 8;
    if (left >= 1) b |= input[i]!;
    v[3]! ^= b;
    sipRounds(2);
    v[0]! ^= b;
    v[2]! ^= 0xee;
    sipRounds(4);
    this.lo = (v[1]! ^ v[3]!) >>> 0;
    v[1]! ^= 0xdd;
    sipRounds(4);
    this.hi = (v[1]! ^ v[3]!) >>> 0;
  }
}
