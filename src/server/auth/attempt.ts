/**
 * One password attempt, throttled (rate-limit.ts): the sign-in form and an invitation's acceptance
 * both go through it. An unknown e-mail is checked against a decoy hash, so timing does not tell
 * which accounts exist.
 */
import type { Kysely } from "kysely";
import type { WorkspaceDatabase } from "../db/schema.js";
import { decoyHash, verifyPassword } from "./passwords.js";
import { clearFailures, recordFailure, signInVerdict } from "./rate-limit.js";

export type Attempt = { result: "ok"; userId: number } | { result: "wrong"; account: boolean } | { result: "wait"; retryAfter: number };

export async function passwordAttempt(db: Kysely<WorkspaceDatabase>, email: string, password: string, address: string): Promise<Attempt> {
  const verdict = await signInVerdict(db, email, address);
  if (verdict.retryAfter) return { result: "wait", retryAfter: verdict.retryAfter };
  if (verdict.delayMs) await new Promise((r) => setTimeout(r, verdict.delayMs));
  const user = await db.selectFrom("ws_user").select(["id", "password_hash"]).where("email", "=", email).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), password);
  if (!user || !ok) {
    await recordFailure(db, email, address);
    return { result: "wrong", account: user !== undefined };
  }
  await clearFailures(db, email, address);
  return { result: "ok", userId: user.id };
}

/** The form's message when an address must wait. */
export const tooManyAttempts = (lang: "zh" | "en") =>
  lang === "zh" ? "失败次数过多，请15分钟后再试。" : "Too many failed attempts: try again in 15 minutes.";
