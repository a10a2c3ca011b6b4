/**
 * The demo organisation: the bundled Shenzhen e-commerce example as its data map, and a ledger of
 * invented events (people named `demo-person-N`, no real identifier) spread over the year, so the
 * overview, the counts and the deadlines have something to show.
 */
import { readFileSync } from "node:fs";
import type { DataMap } from "../engine/datamap.js";
import { parseDataMap } from "../engine/load.js";
import { type EventInput, recordEvents } from "../ledger/import.js";
import { packageFile } from "../paths.js";
import { appendAudit } from "./audit.js";
import type { Deps } from "./context.js";
import { saveVersion } from "./datamaps.js";
import { createOrg, type Org } from "./orgs.js";

export const DEMO_EXAMPLE = "examples/shenzhen-ecommerce.yaml";

/** The demo ledger's batch: 3,000 events of 2,400 invented people over ten months; 1 event in 97 sensitive. */
const DEMO_BATCH = "demo-events";

export function demoEvents(year: string, transfers: readonly string[]): EventInput[] {
  return Array.from({ length: 3000 }, (_, i) => ({
    date: `${year}-${String(1 + (i % 10)).padStart(2, "0")}-${String(1 + ((i * 7) % 27)).padStart(2, "0")}`,
    transfer: transfers[i % transfers.length]!,
    person: `demo-person-${i % 2400}`,
    general: true,
    sensitive: i % 97 === 0,
  }));
}

/** The same events as CSV (`xborder ledger import`'s columns), for the command line beside the workspace. */
export function demoEventsCsv(map: DataMap): string {
  const year = (map.asOf ?? new Date().toISOString()).slice(0, 4);
  const rows = demoEvents(
    year,
    map.transfers.map((t) => t.id),
  ).map((e) => `${e.date},${e.transfer},${e.person},${e.general},${e.sensitive}`);
  return `${["date,transfer,person,general,sensitive", ...rows].join("\n")}\n`;
}

/** The steps of making the demo organisation, reported as each is done (demo-progress.ts shows them). */
export type DemoStep = "org" | "datamap" | "ledger" | "events";

export async function createDemoOrg(deps: Deps, userId: number, actor: string, step: (s: DemoStep) => void = () => {}): Promise<Org> {
  const text = readFileSync(packageFile(DEMO_EXAMPLE), "utf8");
  const map = parseDataMap(text, DEMO_EXAMPLE);
  const org = await createOrg(deps.ws.db, `演示：${map.processor.name}`, userId, "demo");
  await appendAudit(deps.ws.db, { orgId: org.id, actor, action: "org.create", target: `${org.name} (demo)` });
  step("org");
  const { version } = await saveVersion(deps.ws.db, org.id, text, actor);
  deps.cache.changed();
  await appendAudit(deps.ws.db, {
    orgId: org.id,
    actor,
    action: "datamap.save",
    target: `version ${version.version}`,
    after: version.digest,
  });
  step("datamap");
  const year = (map.asOf ?? new Date().toISOString()).slice(0, 4);
  // One bulk step on this thread: the events are made in memory and recorded as one batch (no
  // file, no reading threads to start).
  const ledger = await deps.ledgers.of(org.id);
  step("ledger");
  const r = await recordEvents(
    ledger,
    map,
    DEMO_BATCH,
    demoEvents(
      year,
      map.transfers.map((t) => t.id),
    ),
  );
  deps.cache.changed();
  await appendAudit(deps.ws.db, { orgId: org.id, actor, action: "ledger.import", target: `demo-events.csv: ${r.rows} rows imported` });
  step("events");
  return org;
}
