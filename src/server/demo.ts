/**
 * The demo organisation: the bundled Shenzhen e-commerce example as its data map, and a ledger of
 * invented events (people named `demo-person-N`, no real identifier) spread over the year, so the
 * overview, the counts and the deadlines have something to show.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataMap } from "../engine/datamap.js";
import { parseDataMap } from "../engine/load.js";
import { importEvents } from "../ledger/import.js";
import { packageFile } from "../paths.js";
import { appendAudit } from "./audit.js";
import type { Deps } from "./context.js";
import { saveVersion } from "./datamaps.js";
import { createOrg, type Org } from "./orgs.js";

export const DEMO_EXAMPLE = "examples/shenzhen-ecommerce.yaml";

/** The demo's invented events as CSV (3,000 rows over the map's year, 2,400 people): the same on every run. */
export function demoEvents(map: DataMap): string {
  const year = (map.asOf ?? new Date().toISOString()).slice(0, 4);
  const lines = ["date,transfer,person,general,sensitive"];
  const transfers = map.transfers.map((t) => t.id);
  for (let i = 0; i < 3000; i++) {
    const month = 1 + (i % 10);
    const day = 1 + ((i * 7) % 27);
    const t = transfers[i % transfers.length];
    lines.push(
      `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")},${t},demo-person-${i % 2400},true,${i % 97 === 0}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export async function createDemoOrg(deps: Deps, userId: number, actor: string): Promise<Org> {
  const text = readFileSync(packageFile(DEMO_EXAMPLE), "utf8");
  const map = parseDataMap(text, DEMO_EXAMPLE);
  const org = await createOrg(deps.ws.db, `演示：${map.processor.name}`, userId, "demo");
  await appendAudit(deps.ws.db, { orgId: org.id, actor, action: "org.create", target: `${org.name} (demo)` });
  const { version } = await saveVersion(deps.ws.db, org.id, text, actor);
  deps.cache.changed();
  await appendAudit(deps.ws.db, {
    orgId: org.id,
    actor,
    action: "datamap.save",
    target: `version ${version.version}`,
    after: version.digest,
  });
  const dir = mkdtempSync(join(tmpdir(), "xborder-demo-"));
  try {
    const file = join(dir, "demo-events.csv");
    writeFileSync(file, demoEvents(map), { mode: 0o600 });
    const r = await importEvents(await deps.ledgers.of(org.id), file, map);
    deps.cache.changed();
    await appendAudit(deps.ws.db, { orgId: org.id, actor, action: "ledger.import", target: `demo-events.csv: ${r.rows} rows imported` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return org;
}
