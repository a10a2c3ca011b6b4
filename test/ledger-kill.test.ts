/** Kill the import with SIGKILL at random points: the counts afterwards are all-before or all-after. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ROOT, xborder } from "./helpers.js";
import { dropTestSchemas, targets, suiteOn } from "./ledger-helpers.js";

after(dropTestSchemas);

const dir = mkdtempSync(join(tmpdir(), "xborder-kill-"));
const env = { XBORDER_SECRET_FILE: join(dir, "secret.key") };
const MAP = join(dir, "map.yaml");
writeFileSync(
  MAP,
  `xborder: 1
processor: { name: K, region: "310115" }
recipients: [ { id: hq, region: US } ]
datasets: [ { id: c, personalInformation: true } ]
transfers: [ { id: crm, dataset: c, recipient: hq, purpose: other } ]
`,
);

const ROWS = 120_000;
function bigFile(offset: number): string {
  const lines = ["date,transfer,person"];
  for (let i = 0; i < ROWS; i++) lines.push(`2026-0${1 + (i % 9)}-1${i % 10},crm,p${offset + i}@example.com`);
  const f = join(dir, `big-${offset}.csv`);
  writeFileSync(f, `${lines.join("\n")}\n`);
  return f;
}

function total(db: string): number {
  const r = xborder(["ledger", "count", "--map", MAP, "--as-of", "2026-12-31", "--format", "json", "--db", db], { env });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).cumulative.general;
}

function importAndKill(db: string, file: string, afterMs: number): Promise<"killed" | "finished"> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/xborder.js`, "ledger", "import", file, "--map", MAP, "--db", db], {
      env: { ...process.env, ...env },
      stdio: "ignore",
    });
    let done = false;
    const timer = setTimeout(() => {
      if (!done) child.kill("SIGKILL");
    }, afterMs);
    child.on("exit", (_code, signal) => {
      done = true;
      clearTimeout(timer);
      resolve(signal === "SIGKILL" ? "killed" : "finished");
    });
  });
}

for (const target of targets()) {
  suiteOn(target, `killed imports on ${target.name}`, () => {
    test("counts are all-before or all-after, never in between", async () => {
      const db = target.fresh();
      let expected = 0;
      assert.equal(total(db), 0);
      // kill points spread over start-up, parsing and writing; deterministic spread, random phase
      const delays = [300, 900, 1600, 2400, 3500].map((d) => d + Math.floor(Math.random() * 400));
      let offset = 0;
      for (const delay of delays) {
        const file = bigFile(offset);
        const outcome = await importAndKill(db, file, delay);
        const now = total(db);
        assert.ok(
          now === expected || now === expected + ROWS,
          `after a ${outcome} import at ${delay} ms: ${now} is neither ${expected} nor ${expected + ROWS}`,
        );
        expected = now;
        offset += ROWS;
      }
      // and the ledger still takes a whole import afterwards
      const r = xborder(["ledger", "import", bigFile(offset), "--map", MAP, "--db", db], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(total(db), expected + ROWS);
    });
  });
}
