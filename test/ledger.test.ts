/** The ledger through the real CLI: import, idempotency, all-or-nothing, counting by date, privacy. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { residentIdCheckChar } from "../src/identity/normalize.js";
import { xborder, seededRandom } from "./helpers.js";
import { dropTestSchemas, targets, suiteOn } from "./ledger-helpers.js";

after(dropTestSchemas);

const dir = mkdtempSync(join(tmpdir(), "xborder-ledger-files-"));
const env = { XBORDER_SECRET_FILE: join(dir, "secret.key") };

const MAP = join(dir, "map.yaml");
writeFileSync(
  MAP,
  `xborder: 1
processor: { name: 测试, region: "310115" }
recipients: [ { id: hq, region: US } ]
datasets:
  - { id: c, personalInformation: true, subjects: [employees] }
  - { id: m, personalInformation: true, sensitive: [medical_health] }
transfers:
  - { id: crm, dataset: c, recipient: hq, purpose: other }
  - { id: claims, dataset: m, recipient: hq, purpose: other }
  - { id: hr, dataset: c, recipient: hq, purpose: cross_border_hr, necessary: true, labourRules: true, collectiveContract: true }
`,
);

/** A person, and the different ways a file may write their identifier. */
interface Person {
  kind: "id" | "mobile" | "email";
  forms: string[];
}
function person(i: number): Person {
  if (i % 3 === 0) {
    // a unique birth date per person (1980-01-01 + i days), sequence 001
    const birth = new Date(Date.UTC(1980, 0, 1 + i)).toISOString().slice(0, 10).replaceAll("-", "");
    const first17 = `110105${birth}001`;
    const id = first17 + residentIdCheckChar(first17);
    return { kind: "id", forms: [id, id.toLowerCase(), ` ${id} `] };
  }
  if (i % 3 === 1) {
    const m = `139${String(i).padStart(8, "0")}`;
    return { kind: "mobile", forms: [m, `+86 ${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`, `0086${m}`, `86${m}`] };
  }
  return { kind: "email", forms: [`user${i}@example.com`, `User${i}@Example.COM`] };
}

interface Ev {
  date: string;
  transfer: string;
  who: number;
  sensitive: boolean;
}
/** ~16,000 events: people recurring across three transfers and two years, in varied forms. */
function events(): Ev[] {
  const out: Ev[] = [];
  const rnd = seededRandom(42);
  for (let k = 0; k < 16_000; k++) {
    const who = Math.floor(rnd() * 5_000);
    const year = rnd() < 0.4 ? 2025 : 2026;
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const r = rnd();
    const transfer = r < 0.5 ? "crm" : r < 0.8 ? "claims" : "hr";
    out.push({
      date: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      transfer,
      who,
      sensitive: transfer === "claims" && rnd() < 0.5,
    });
  }
  return out;
}

const EVENTS = events();
function toCsv(evs: Ev[]): string {
  const lines = ["date,transfer,person,general,sensitive"];
  evs.forEach((e, i) => {
    const forms = person(e.who).forms;
    const form = forms[i % forms.length] ?? "";
    lines.push(`${e.date},${e.transfer},"${form}",true,${e.sensitive}`);
  });
  return `${lines.join("\n")}\n`;
}

/** The oracle: distinct people by who they are, not by how they are written. */
function expected(asOf: string) {
  const from = `${asOf.slice(0, 4)}-01-01`; // CBDF-2024 window
  const inWindow = EVENTS.filter((e) => e.date >= from && e.date <= asOf);
  const distinct = (f: (e: Ev) => boolean) => new Set(inWindow.filter(f).map((e) => e.who)).size;
  const counted = (e: Ev) => e.transfer !== "hr";
  return {
    cumulative: { general: distinct(counted), sensitive: distinct((e) => counted(e) && e.sensitive) },
    crm: { general: distinct((e) => e.transfer === "crm"), sensitive: 0, counted: true },
    claims: {
      general: distinct((e) => e.transfer === "claims"),
      sensitive: distinct((e) => e.transfer === "claims" && e.sensitive),
      counted: true,
    },
    hr: { general: distinct((e) => e.transfer === "hr"), sensitive: 0, counted: false },
  };
}

const EVENTS_FILE = join(dir, "events.csv");
writeFileSync(EVENTS_FILE, toCsv(EVENTS));

function count(db: string, asOf: string) {
  const r = xborder(["ledger", "count", "--map", MAP, "--as-of", asOf, "--format", "json", "--db", db], { env });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function filesUnder(p: string): string[] {
  return readdirSync(p, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? (d as unknown as { path: string }).path, d.name));
}

for (const target of targets()) {
  suiteOn(target, `ledger on ${target.name}`, () => {
    const db = target.fresh();
    const DATES = ["2025-06-30", "2025-12-31", "2026-03-31", "2026-12-31"];

    test("imports ~16,000 events and counts distinct people exactly for four dates", () => {
      const r = xborder(["ledger", "import", EVENTS_FILE, "--map", MAP, "--db", db], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /imported 16,000 events/);
      for (const asOf of DATES) {
        const c = count(db, asOf);
        const e = expected(asOf);
        assert.deepEqual(c.window, { from: `${asOf.slice(0, 4)}-01-01`, to: asOf });
        assert.deepEqual(c.cumulative, e.cumulative, asOf);
        assert.deepEqual(c.transfers, { crm: e.crm, claims: e.claims, hr: e.hr }, asOf);
      }
    });

    test("importing the same file again changes nothing, and says so", () => {
      const before = count(db, "2026-12-31");
      const r = xborder(["ledger", "import", EVENTS_FILE, "--map", MAP, "--db", db], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /already imported; the ledger is unchanged/);
      assert.deepEqual(count(db, "2026-12-31"), before);
    });

    test("a file with one invalid date is rejected with its line, and nothing changes", () => {
      const before = DATES.map((d) => count(db, d));
      const rows = toCsv(EVENTS.slice(0, 3000).map((e) => ({ ...e, who: e.who + 100_000 }))).split("\n");
      rows[2500] = rows[2500]?.replace(/^\d{4}-\d{2}-\d{2}/, "2026-02-30") ?? "";
      const bad = join(dir, `bad-${Math.random()}.csv`);
      writeFileSync(bad, rows.join("\n"));
      const r = xborder(["ledger", "import", bad, "--map", MAP, "--db", db], { env });
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2501: date: expected a date YYYY-MM-DD, got "2026-02-30"`),
      );
      assert.deepEqual(
        DATES.map((d) => count(db, d)),
        before,
      );
    });

    test("a missing event file or a folder is bad input (exit 2), named", () => {
      const missing = join(dir, "no-such-events.csv");
      const r = xborder(["ledger", "import", missing, "--map", MAP, "--db", db], { env });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim(), `xborder: ${missing}: no such file`);
      const folder = xborder(["ledger", "import", dir, "--map", MAP, "--db", db], { env });
      assert.equal(folder.code, 2, folder.stderr);
      assert.match(folder.stderr, /: not a file of events/);
    });

    test("an unknown transfer or an empty person is rejected without echoing identifiers", () => {
      const f = join(dir, `unknown-${Math.random()}.csv`);
      writeFileSync(f, "date,transfer,person\n2026-01-01,crm,13800138000\n2026-01-02,nope,13800138001\n");
      const r = xborder(["ledger", "import", f, "--map", MAP, "--db", db], { env });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /:3: transfer: no transfer with id "nope" in the data map/);
      assert.doesNotMatch(r.stderr, /13800138001/);
    });

    test("JSON Lines are read the same way", () => {
      const f = join(dir, `extra-${Math.random()}.jsonl`);
      writeFileSync(f, `${JSON.stringify({ date: "2026-05-01", transfer: "crm", person: "new.person@example.com" })}\n`);
      const before = count(db, "2026-12-31").cumulative.general;
      assert.equal(xborder(["ledger", "import", f, "--map", MAP, "--db", db], { env }).code, 0);
      assert.equal(count(db, "2026-12-31").cumulative.general, before + 1);
      assert.equal(count(db, "2026-04-30").cumulative.general, expected("2026-04-30").cumulative.general, "past dates are reproducible");
    });

    test("assess --ledger and status use the ledger's counts", () => {
      const a = xborder(["assess", MAP, "--ledger", "--db", db, "--as-of", "2026-12-31", "--format", "json"], { env });
      assert.equal(a.code, 0, a.stderr);
      const out = JSON.parse(a.stdout);
      assert.equal(out.processor.cumulativeSource, "ledger");
      assert.equal(out.processor.cumulative.general, count(db, "2026-12-31").cumulative.general);
      const s = xborder(["status", "--map", MAP, "--db", db, "--as-of", "2026-06-30", "--format", "json"], { env });
      assert.equal(s.code, 0, s.stderr);
      const st = JSON.parse(s.stdout);
      assert.equal(st.trend.length, 6);
      // The trend is computed in one pass; each point must equal a count on that date (and the oracle).
      for (const t of st.trend as { date: string; general: number; sensitive: number }[]) {
        assert.deepEqual({ general: t.general, sensitive: t.sensitive }, count(db, t.date).cumulative, t.date);
        const oracle = expected(t.date).cumulative;
        const extra = t.date >= "2026-05-01" ? 1 : 0; // the person the JSON Lines test added on 2026-05-01
        assert.deepEqual({ general: t.general, sensitive: t.sensitive }, { ...oracle, general: oracle.general + extra }, t.date);
      }
      const contract = st.bands.find((b: { id: string }) => b.id === "standard_contract_general");
      assert.equal(contract.reached, false);
      assert.ok(contract.projected === null || /^\d{4}-\d{2}-\d{2}$/.test(contract.projected));
      // The register's next three duties, none of them done, soonest first.
      assert.ok(st.next.length > 0 && st.next.length <= 3, JSON.stringify(st.next));
      for (const i of st.next as { status: string; basis: unknown[] }[]) {
        assert.notEqual(i.status, "done");
        assert.ok(i.basis.length > 0);
      }
      const text = xborder(["status", "--map", MAP, "--db", db, "--as-of", "2026-06-30"], { env });
      assert.match(text.stdout, /Next duties/);
    });

    if (!db.startsWith("postgres")) {
      test("the database files hold no raw identifier; the secret is 0600 and outside the database", () => {
        const raw = [person(1).forms[0], person(3).forms[0], person(2).forms[0]].map((s) => Buffer.from(s ?? ""));
        for (const f of filesUnder(db)) {
          if (f.endsWith("secret.key")) continue;
          const bytes = readFileSync(f);
          for (const r of raw) assert.equal(bytes.indexOf(r), -1, `${f} holds a raw identifier`);
        }
        assert.equal(statSync(env.XBORDER_SECRET_FILE).mode & 0o777, 0o600);
      });
      test("a different secret is refused", () => {
        const r = xborder(["ledger", "count", "--map", MAP, "--db", db], { env: { XBORDER_SECRET_FILE: join(dir, "other.key") } });
        assert.equal(r.code, 2);
        assert.match(r.stderr, /not the secret this ledger was created with/);
      });
    }
  });
}

describe("concurrent use of an embedded ledger", () => {
  test("two imports started together both land, one after the other", async () => {
    const { spawn } = await import("node:child_process");
    const { ROOT } = await import("./helpers.js");
    const db = targets()[0]?.fresh() ?? "";
    const files = [0, 1].map((k) => {
      const f = join(dir, `concurrent-${k}.csv`);
      const rows = Array.from({ length: 2000 }, (_, i) => `2026-03-01,crm,c${k}-${i}@example.com`);
      writeFileSync(f, `date,transfer,person\n${rows.join("\n")}\n`);
      return f;
    });
    const run = (f: string) =>
      new Promise<number | null>((resolve) => {
        const c = spawn(process.execPath, [`${ROOT}bin/xborder.js`, "ledger", "import", f, "--map", MAP, "--db", db], {
          env: { ...process.env, ...env },
          stdio: "ignore",
        });
        c.on("exit", (code) => resolve(code));
      });
    assert.deepEqual(await Promise.all(files.map(run)), [0, 0]);
    assert.equal(count(db, "2026-12-31").cumulative.general, 4000);
  });
});

describe("ledger location", () => {
  test("an unreachable PostgreSQL server is an error, not a silent fallback", () => {
    const r = xborder(["ledger", "count", "--map", MAP, "--db", "postgres://nobody@127.0.0.1:1/none"], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot connect to PostgreSQL/);
  });
});

describe("event files as spreadsheets and scripts write them", () => {
  test("BOM, CRLF, quoted fields, blank lines, column order and TSV all read the same", () => {
    const db = join(mkdtempSync(join(tmpdir(), "xborder-dialect-")), "db");
    const csv =
      '\uFEFFperson,date,transfer,sensitive\r\n"+86 138-0013-8000",2026-03-01,crm,false\r\n\r\n' +
      '"13800138000",2026-03-02,"crm",no\r\n user1@example.com ,2026-03-03,crm,\r\n"a ""quoted"" id",2026-03-04,claims,true\r\n';
    writeFileSync(join(dir, "dialect.csv"), csv);
    const r = xborder(["ledger", "import", join(dir, "dialect.csv"), "--map", MAP, "--db", db], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /imported 4 events/);
    writeFileSync(join(dir, "dialect.tsv"), "date\ttransfer\tperson\n2026-03-05\tcrm\t13900139000\n");
    assert.equal(xborder(["ledger", "import", join(dir, "dialect.tsv"), "--map", MAP, "--db", db], { env }).code, 0);
    const c = count(db, "2026-12-31");
    assert.deepEqual(c.transfers.crm, { general: 3, sensitive: 0, counted: true }, "one mobile in two forms, an e-mail, a second mobile");
    assert.deepEqual(c.transfers.claims, { general: 1, sensitive: 1, counted: true });
  });
  test("a quoted field left open on its line, or a row with a missing column, is rejected with its line", () => {
    const db = join(mkdtempSync(join(tmpdir(), "xborder-dialect-")), "db");
    writeFileSync(join(dir, "open.csv"), 'date,transfer,person\n2026-03-01,crm,13800138000\n2026-03-01,crm,"13900139000\n');
    const a = xborder(["ledger", "import", join(dir, "open.csv"), "--map", MAP, "--db", db], { env });
    assert.equal(a.code, 2);
    assert.match(a.stderr, /open\.csv:3: not valid CSV \(a quoted field is not closed on its line\)/);
    assert.doesNotMatch(a.stderr, /13900139000/);
    writeFileSync(join(dir, "short.csv"), "date,transfer,person\n2026-03-01,crm\n");
    const b = xborder(["ledger", "import", join(dir, "short.csv"), "--map", MAP, "--db", db], { env });
    assert.equal(b.code, 2);
    assert.match(b.stderr, /short\.csv:2: not valid CSV/);
  });
});
