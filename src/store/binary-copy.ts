/**
 * PostgreSQL's binary COPY format (the `COPY … (format binary)` file layout): rows of
 * length-prefixed fields, here written for the ledger's buckets and read back field by field.
 * Binary, not CSV, because a bucket is a few kilobytes of bytea: as hex text it is twice the
 * size and PGlite (PostgreSQL compiled to WebAssembly) parses it slowly; reading bytea through
 * query results was slower still (28 s for 164 MB, 2 s by COPY).
 */

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/** A COPY file's start: signature, flags, header extension length. */
export function copyHeader(): Buffer {
  const h = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(h);
  return h;
}

/** A COPY file's end. */
export const copyTrailer = (): Buffer => Buffer.from([0xff, 0xff]);

/** Bytes of a (smallint, integer, bytea) row besides the bytea's. */
export const BUCKET_ROW_OVERHEAD = 2 + 4 + 2 + 4 + 4 + 4;

/**
 * Rows of (smallint, integer, bytea) — buckets' year, number and entries — in one buffer (PGlite
 * reads a COPY's data from a Blob part by part: one part, not two per row).
 */
export function bucketRows(year: number, buckets: readonly (readonly [number, Uint8Array])[]): Buffer {
  let size = 0;
  for (const [, e] of buckets) size += BUCKET_ROW_OVERHEAD + e.length;
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  for (const [bucket, e] of buckets) {
    o = out.writeInt16BE(3, o);
    o = out.writeInt32BE(2, o);
    o = out.writeInt16BE(year, o);
    o = out.writeInt32BE(4, o);
    o = out.writeInt32BE(bucket, o);
    o = out.writeInt32BE(e.length, o);
    out.set(e, o);
    o += e.length;
  }
  return out;
}

/** The rows of a binary COPY file, each a list of fields (null for SQL NULL). */
export function* copyRows(data: Buffer, where = "COPY"): Generator<(Buffer | null)[]> {
  if (data.length < SIGNATURE.length + 8 || !data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error(`${where}: not PostgreSQL's binary COPY format`);
  }
  let o = SIGNATURE.length + 4;
  o += 4 + data.readInt32BE(o);
  for (;;) {
    const fields = data.readInt16BE(o);
    o += 2;
    if (fields === -1) return;
    const row: (Buffer | null)[] = [];
    for (let f = 0; f < fields; f++) {
      const len = data.readInt32BE(o);
      o += 4;
      if (len < 0) row.push(null);
      else {
        row.push(data.subarray(o, o + len));
        o += len;
      }
    }
    yield row;
  }
}
