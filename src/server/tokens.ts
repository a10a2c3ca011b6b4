/** Making and revoking API tokens, and telling the caches (a revoked token stops at once). */
import { createApiToken, revokeApiToken } from "./auth/tokens.js";
import type { Deps } from "./context.js";

export async function createToken(deps: Deps, t: Parameters<typeof createApiToken>[1]) {
  const r = await createApiToken(deps.ws.db, t);
  deps.cache.changed();
  return r;
}

export async function revokeToken(deps: Deps, orgId: number, id: number) {
  const r = await revokeApiToken(deps.ws.db, orgId, id);
  deps.cache.changed();
  return r;
}
