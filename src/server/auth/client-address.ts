/**
 * Who is on the other end: the socket's address. X-Forwarded-For is read only when the socket is a
 * proxy the operator declared (`xborder serve --trust-proxy ADDR`), and then from the right: the
 * first address that is not a trusted proxy (a client can prepend anything to the header).
 */
import type { IncomingMessage } from "node:http";
import type { Ctx } from "../context.js";

const plain = (a: string) => a.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

export function clientAddress(c: Ctx): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const socket = plain(incoming?.socket.remoteAddress ?? "unknown");
  const trusted = new Set(c.var.deps.config.trustProxy.map(plain));
  if (!trusted.has(socket)) return socket;
  const hops = (c.req.header("x-forwarded-for") ?? "").split(",").map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return socket;
}
