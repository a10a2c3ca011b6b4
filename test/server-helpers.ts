/**
 * Helpers for the workspace tests: a server on a fresh store (embedded, or the PostgreSQL server
 * at $XBORDER_TEST_PG_URL), the first owner made through the setup link, and a cookie-keeping client.
 */
import { request } from "node:http";
import type { ServerConfig } from "../src/server/config.js";
import { openApiDocument } from "../src/server/openapi.js";
import { startServer, type Running } from "../src/server/serve.js";
import { contract, type OpenApi } from "./api-contract-check.js";

export interface Client {
  cookie?: string;
  csrf?: string;
  email: string;
}

export async function boot(db: string, config: Partial<ServerConfig> = {}): Promise<Running> {
  return startServer({ db, port: 0, host: "127.0.0.1", config: { scanTargets: new Map(), trustProxy: [], ...config } });
}

export async function req(
  base: string,
  path: string,
  o: {
    method?: string;
    client?: Client;
    token?: string;
    body?: string | URLSearchParams;
    type?: string;
    csrf?: boolean | string;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.client?.cookie) headers.cookie = o.client.cookie;
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.type) headers["content-type"] = o.type;
  if (o.csrf !== false && o.client?.csrf && o.method && o.method !== "GET")
    headers["x-csrf-token"] = typeof o.csrf === "string" ? o.csrf : o.client.csrf;
  const r = await fetch(`${base}${path}`, { method: o.method ?? "GET", headers, body: o.body, redirect: "manual" });
  // Every answer of the JSON API must be the one its OpenAPI document describes (issue 33).
  if (path.startsWith("/api/v1/"))
    await (checker ??= contract(openApiDocument() as OpenApi)).check(o.method ?? "GET", path, r, { unknownOk: true });
  return r;
}
let checker: ReturnType<typeof contract> | undefined;

export async function json<T = Record<string, unknown>>(r: Response): Promise<T> {
  return (await r.json()) as T;
}

const cookieOf = (r: Response) =>
  r.headers
    .getSetCookie()
    .find((c) => c.startsWith("xb_session="))
    ?.split(";")[0];

/** Complete the setup link: the first owner and their organisation (and the demo, if asked). */
export async function setUp(run: Running, email: string, org: string, demo = false): Promise<Client> {
  const path = new URL(run.setupUrl!).pathname;
  const form = new URLSearchParams({ email, password: "correct horse battery staple", org, ...(demo ? { demo: "1" } : {}) });
  const r = await req(run.url, path, { method: "POST", body: form, type: "application/x-www-form-urlencoded" });
  // With the demo the answer is its progress page (200), streamed until the demo is made.
  const made = r.status === 303 || (demo && r.status === 200 && /<strong>(完成|Done)<\/strong>/.test(await r.text()));
  if (!made) throw new Error(`setup: ${r.status} ${r.bodyUsed ? "" : await r.text()}`);
  return withCsrf(run.url, { cookie: cookieOf(r), email });
}

export async function signIn(
  base: string,
  email: string,
  password = "correct horse battery staple",
): Promise<{ status: number; client?: Client }> {
  const r = await req(base, "/signin", {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    type: "application/x-www-form-urlencoded",
  });
  const cookie = cookieOf(r);
  return { status: r.status, client: cookie ? await withCsrf(base, { cookie, email }) : undefined };
}

async function withCsrf(base: string, c: Client): Promise<Client> {
  const page = await (await req(base, "/orgs", { client: c })).text();
  const m = /name="_csrf" value="([^"]+)"/.exec(page);
  return { ...c, csrf: m?.[1] };
}

/** An API token of `role` in `org`, made by its owner over the API. */
export async function tokenFor(base: string, owner: Client, org: string, role: string): Promise<string> {
  const r = await req(base, `/api/v1/orgs/${org}/tokens`, {
    method: "POST",
    client: owner,
    type: "application/json",
    body: JSON.stringify({ name: `${role}-bot`, role, days: 30 }),
  });
  if (r.status !== 201) throw new Error(`token: ${r.status} ${await r.text()}`);
  return (await json<{ token: string }>(r)).token;
}

/** A request over node:http, from a chosen local address (127.0.0.2 …: another client to the server's socket). */
export function fromAddress(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<{ status: number; headers: import("node:http").IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const r = request(url, { method: o.method ?? "GET", headers: o.headers, localAddress: o.localAddress }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    r.on("error", reject);
    r.end(o.body);
  });
}

/** A sign-in form posted from `localAddress`, with extra headers (a spoofed X-Forwarded-For …). */
export async function signInFrom(
  base: string,
  localAddress: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return fromAddress(`${base}/signin`, {
    method: "POST",
    localAddress,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

/**
 * Sends a body in `chunk`s until the server answers or `total` bytes are sent (then ends it): how
 * much was sent before the answer tells whether the server waited for the body.
 */
export function sendUntilAnswered(
  url: string,
  o: { method?: string; headers: Record<string, string>; first?: Buffer; chunk: Buffer; total: number },
): Promise<{ status: number; sent: number; text: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered: { status: number } | undefined;
    let gotAnswer: () => void = () => {};
    const answer = new Promise<void>((r) => (gotAnswer = r));
    const r = request(url, { method: o.method ?? "POST", headers: o.headers }, (res) => {
      answered = { status: res.statusCode ?? 0 };
      const at = Date.now() - t0;
      gotAnswer();
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: answered!.status, sent, text, ms: at }));
      res.on("error", () => resolve({ status: answered!.status, sent, text, ms: at }));
    });
    r.on("error", (e) => (answered ? undefined : reject(e)));
    void (async () => {
      if (o.first) {
        r.write(o.first);
        sent += o.first.length;
      }
      while (!answered && sent < o.total) {
        const ok = r.write(o.chunk);
        sent += o.chunk.length;
        if (!ok) await Promise.race([new Promise((d) => r.once("drain", d)), answer, new Promise((d) => setTimeout(d, 5000))]);
      }
      if (!answered) r.end();
    })().catch(() => undefined);
  });
}
