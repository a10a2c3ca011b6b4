/**
 * Request bodies, read only after the caller is known and allowed, and never more than the route
 * takes: a declared Content-Length over the route's limit is refused at the headers (413; the
 * server then drains a little of it and closes the connection); a body without one is counted
 * while it streams. Forms are parsed as they arrive: fields in memory (small), files straight to a private temporary folder (mode 0700,
 * removed when the request ends), the CSRF field checked before any file is written.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import Busboy from "busboy";
import { HTTPException } from "hono/http-exception";
import type { Ctx } from "./context.js";
import { MAX_MAP_BYTES } from "./datamaps.js";
import { cleanName, maxUpload, UPLOAD_PREFIX } from "./jobs.js";

/** JSON and ordinary forms: 1 MiB. */
export const SMALL_BODY = 1024 * 1024;

const UPLOADS = [/^\/api\/v1\/orgs\/[^/]+\/(ledger\/import|scans)$/, /^\/o\/[^/]+\/(ledger|scans)$/];
const MAPS = [/^\/api\/v1\/orgs\/[^/]+\/(datamap|assess)$/];
/** A data map posted as a form (percent-encoded Chinese takes three times its UTF-8 bytes). */
const MAP_FORMS = /^\/o\/[^/]+\/datamap(\/|$)/;

/** The most a route takes: uploads 2 GiB ($XBORDER_MAX_UPLOAD_BYTES), data maps 16 MiB, the rest 1 MiB. */
export function bodyLimit(path: string): number {
  if (UPLOADS.some((r) => r.test(path))) return maxUpload();
  if (MAPS.some((r) => r.test(path))) return MAX_MAP_BYTES;
  if (MAP_FORMS.test(path)) return 3 * MAX_MAP_BYTES;
  return SMALL_BODY;
}

export const tooLarge = (limit: number) => new HTTPException(413, { message: `the body is larger than this route takes (${limit} bytes)` });

/** Middleware, before anything else: a declared length over the limit is refused without reading a byte. */
export async function refuseDeclaredLength(c: Ctx, next: () => Promise<void>): Promise<void> {
  const declared = c.req.header("content-length");
  if (declared !== undefined) {
    if (!/^\d{1,16}$/.test(declared)) throw new HTTPException(400, { message: "content-length: expected a number of bytes" });
    const limit = bodyLimit(c.req.path);
    if (Number(declared) > limit) throw tooLarge(limit);
  }
  await next();
}

/** Counts the bytes going through, and stops the stream past `limit`. */
const counter = (limit: number) => {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      if (n > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
};

/** The body as text, read up to the route's limit (413 as soon as it is passed). */
export async function readText(c: Ctx, limit = bodyLimit(c.req.path)): Promise<string> {
  if (c.var.bodyText !== undefined) return c.var.bodyText;
  const body = c.req.raw.body;
  const parts: Buffer[] = [];
  let n = 0;
  if (body)
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      n += chunk.length;
      if (n > limit) throw tooLarge(limit);
      parts.push(Buffer.from(chunk));
    }
  const text = Buffer.concat(parts).toString("utf8");
  c.set("bodyText", text);
  return text;
}

export interface FormFile {
  /** The name the browser gave (shown; the file on disk has a clean one). */
  name: string;
  path: string;
  size: number;
}

export interface Form {
  fields: Record<string, string[]>;
  files: Record<string, FormFile[]>;
  /** The folder holding the files (removed when the request ends). */
  dir?: string;
}

/** A form field's last value, or "". */
export const field = (f: Form, name: string): string => f.fields[name]?.at(-1) ?? "";

/** The fields as Hono's parseBody({ all: true }) gives them: one value as a string, several as a list. */
export const allFields = (f: Form): Record<string, string | string[]> =>
  Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));

const isForm = (type: string) => /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type);

/**
 * The request's form (parsed once). `csrf`: the session's token, which the `_csrf` field must
 * match before any file part is accepted (forms put it first).
 */
export async function readForm(c: Ctx, csrf?: string): Promise<Form> {
  if (c.var.form) return c.var.form;
  const type = c.req.header("content-type") ?? "";
  let form: Form;
  if (/^multipart\/form-data/i.test(type)) form = await readMultipart(c, type, csrf);
  else if (isForm(type)) {
    const fields: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(await readText(c))) (fields[k] ??= []).push(v);
    form = { fields, files: {} };
  } else form = { fields: {}, files: {} };
  c.set("form", form);
  return form;
}

async function readMultipart(c: Ctx, type: string, csrf: string | undefined): Promise<Form> {
  const limit = bodyLimit(c.req.path);
  const form: Form = { fields: {}, files: {} };
  const body = c.req.raw.body;
  if (!body) return form;
  const dir = await mkdtemp(join(tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
  form.dir = dir;
  const writes: Promise<void>[] = [];
  let csrfSeen = false;
  let n = 0;
  try {
    const bb = Busboy({
      headers: { "content-type": type },
      limits: { fieldSize: Math.min(limit, MAX_MAP_BYTES), fields: 500, files: 100, parts: 600 },
    });
    bb.on("field", (name, value, info) => {
      if (info.valueTruncated) bb.destroy(tooLarge(limit));
      if (name === "_csrf") csrfSeen = value === csrf;
      (form.fields[name] ??= []).push(value);
    });
    bb.on("file", (name, stream, info) => {
      stream.on("error", () => undefined); // the request's own error is what is reported
      if (csrf !== undefined && !csrfSeen) {
        stream.resume();
        bb.destroy(new HTTPException(403, { message: "missing or wrong CSRF token" }));
        return;
      }
      if (!info.filename) {
        stream.resume();
        return;
      }
      const file: FormFile = { name: info.filename, path: join(dir, `${++n}-${cleanName(info.filename)}`), size: 0 };
      stream.on("data", (d: Buffer) => (file.size += d.length));
      writes.push(pipeline(stream, createWriteStream(file.path, { mode: 0o600 })));
      (form.files[name] ??= []).push(file);
    });
    await pipeline(Readable.fromWeb(body as never), counter(limit), bb);
    await Promise.all(writes);
    return form;
  } catch (e) {
    await Promise.allSettled(writes);
    await rm(dir, { recursive: true, force: true });
    if (e instanceof HTTPException) throw e;
    throw new HTTPException(400, { message: `body: not a valid multipart form (${(e as Error).message})` });
  }
}

/** Removes the request's uploaded form files (when the request ends, whatever happened). */
export async function dropForm(c: Ctx): Promise<void> {
  if (c.var.form?.dir) await rm(c.var.form.dir, { recursive: true, force: true });
}

export { isForm };
