/**
 * Sign-in throttling, in the database (shared by server processes), after OWASP's authentication
 * guidance: failures are counted per account, per address and per account from one address. One
 * address that keeps failing must wait (429, Retry-After); an account under attack from many
 * addresses is slowed down (each attempt on it waits longer), never locked: its owner, from their
 * own address, still signs in.
 */
import { sql, type Kysely } from "kysely";
import type { WorkspaceDatabase } from "../db/schema.js";

export const WINDOW_MINUTES = 15;
/** Failures on one account from one address before that address waits. */
export const MAX_PER_ACCOUNT_ADDRESS = 5;
/** Failures from one address, whatever the accounts, before it waits. */
export const MAX_PER_ADDRESS = 20;
/** Failures on one account from anywhere after which each attempt on it is delayed (doubling, capped). */
export const SLOW_AFTER = 5;
export const MAX_DELAY_MS = 2_000;

const since = () => new Date(Date.now() - WINDOW_MINUTES * 60_000);
const keys = (email: string, address: string) => ({ email: `email:${email}`, addr: `addr:${address}`, pair: `pair:${email}|${address}` });

export interface Verdict {
  /** This address must wait (seconds, for Retry-After). */
  retryAfter?: number;
  /** How long to hold this attempt (the account is under attack). */
  delayMs: number;
}

export async function signInVerdict(db: Kysely<WorkspaceDatabase>, email: string, address: string): Promise<Verdict> {
  const k = keys(email, address);
  const rows = await db
    .selectFrom("ws_signin_failure")
    .select(["key", sql<number>`count(*)::int`.as("n")])
    .where("key", "in", [k.email, k.addr, k.pair])
    .where("at", ">", since())
    .groupBy("key")
    .execute();
  const n = (key: string) => rows.find((r) => r.key === key)?.n ?? 0;
  const over = n(k.email) - SLOW_AFTER;
  const delayMs = over > 0 ? Math.min(MAX_DELAY_MS, 100 * 2 ** (over - 1)) : 0;
  if (n(k.pair) >= MAX_PER_ACCOUNT_ADDRESS || n(k.addr) >= MAX_PER_ADDRESS) return { retryAfter: WINDOW_MINUTES * 60, delayMs };
  return { delayMs };
}

export async function recordFailure(db: Kysely<WorkspaceDatabase>, email: string, address: string): Promise<void> {
  const k = keys(email, address);
  await db
    .insertInto("ws_signin_failure")
    .values([{ key: k.email }, { key: k.addr }, { key: k.pair }])
    .execute();
  await db
    .deleteFrom("ws_signin_failure")
    .where("at", "<", new Date(Date.now() - 24 * 3_600_000))
    .execute();
}

/** A right password: this address's failures on the account are forgotten. */
export async function clearFailures(db: Kysely<WorkspaceDatabase>, email: string, address: string): Promise<void> {
  await db.deleteFrom("ws_signin_failure").where("key", "=", keys(email, address).pair).execute();
}
