/**
 * Hostile and unusual input (issue: what a new user's files and mistakes did to xborder). Each
 * case is what a user did; each must end with a clear message, the right exit code, and no hang.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { sql } from "kysely";
import { setDigest } from "../src/ledger/tallies.js";
import { openStore } from "../src/store/open.js";
import { xborder } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xborder-hostile-"));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** A valid resident ID number (GB 11643 check digit) for person i. */
function idNumber(i: number): string {
  const base = `11010519900307${String(i * 2 + 1).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((s, c, k) => s + Number(c) * w[k]!, 0);
  return base + "10X98765432"[sum % 11]!;
}
const table = `id,name\n${Array.from({ length: 20 }, (_, i) => `${idNumber(i)},zhang`).join("\n")}\n`;
const json = (args: string[]) => {
  const r = xborder([...args, "--format", "json"]);
  return { ...r, report: r.code === 0 || r.code === 2 ? JSON.parse(r.stdout) : undefined };
};

describe("encodings the scanner must not miss", () => {
  test("UTF-16 LE and BE without a BOM: the 20 ID numbers are found, and the report says the encoding was guessed", () => {
    for (const [name, bytes] of [
      ["le.csv", Buffer.from(table, "utf16le")],
      ["be.csv", Buffer.from(table, "utf16le").swap16()],
    ] as const) {
      const r = json(["scan", file(name, bytes)]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.report.entities.cn_resident_id, 20, name);
      assert.equal(r.report.persons.distinct, 20, name);
      assert.equal(r.report.files[0].encoding, name === "le.csv" ? "utf-16le" : "utf-16be");
      assert.equal(r.report.files[0].encodingGuessed, true);
    }
    const utf8 = json(["scan", file("utf8.csv", table)]);
    assert.equal(utf8.report.files[0].encodingGuessed, undefined, "valid UTF-8 is not a guess");
  });
  test("a binary file is skipped as 'looks binary', not reported as text with no findings", () => {
    let x = 7;
    const noise = Buffer.from(Buffer.alloc(20_000, 0).map(() => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24));
    const r = json(["scan", file("photo.jpg", noise), file("ok.csv", table)]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      r.report.files.map((f: { path: string }) => f.path.replace(/.*\//, "")),
      ["ok.csv"],
    );
    assert.match(r.report.skipped[0].reason, /looks binary/);
    assert.match(r.stderr, /1 entry skipped/);
  });
});

describe("folders, links and special files", () => {
  const root = join(dir, "tree");
  mkdirSync(join(root, "sub"), { recursive: true });
  writeFileSync(join(root, "a.csv"), table);
  symlinkSync("nowhere", join(root, "dangling"));
  symlinkSync("..", join(root, "sub", "up")); // a loop
  symlinkSync("sub", join(root, "sub2")); // the same folder twice
  writeFileSync(join(root, "sub", "b.csv"), table);
  execFileSync("mkfifo", [join(root, "pipe")]);

  test("each real file once; dangling links, loops, second paths and FIFOs are named as skipped; no hang", () => {
    const r = json(["scan", root]);
    assert.equal(r.code, 0, r.stderr);
    const files = r.report.files.map((f: { path: string }) => f.path.slice(root.length + 1)).sort();
    assert.deepEqual(files, ["a.csv", "sub/b.csv"]);
    assert.equal(r.report.entities.cn_resident_id, 40, "each file counted once");
    const reasons = Object.fromEntries(
      r.report.skipped.map((s: { path: string; reason: string }) => [s.path.slice(root.length + 1), s.reason]),
    );
    assert.match(reasons.dangling, /dangling symbolic link/);
    assert.match(reasons.pipe, /FIFO/);
    assert.match(reasons["sub/up"], /again/);
    assert.match(reasons.sub2, /again/);
  });
  test("a FIFO named on the command line is skipped too, not read", () => {
    const r = json(["scan", join(root, "pipe")]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.report.skipped[0].reason, /FIFO/);
  });
});

describe("the ledger's database path", () => {
  const map = file(
    "map.yaml",
    "xborder: 1\nprocessor: { name: A, region: '310115' }\nrecipients: [{ id: hq, region: US }]\ndatasets: [{ id: c }]\ntransfers: [{ id: t, dataset: c, recipient: hq }]\n",
  );
  const events = file("events.csv", "date,transfer,person\n2026-03-01,t,13800138000\n");
  test("a URL that is not PostgreSQL is refused (exit 2), and no folder is made", () => {
    for (const url of ["mysql://u@localhost/db", "postgress://u@localhost/db"]) {
      const r = xborder(["ledger", "import", events, "--map", map, "--db", url]);
      assert.equal(r.code, 2, url);
      assert.match(r.stderr, /is not a PostgreSQL URL/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    }
  });
  test("a file, or a path under a file: exit 2 with one line; /proc/x does not spin", () => {
    for (const db of [events, join(events, "sub"), "/proc/x"]) {
      const r = xborder(["ledger", "count", "--map", map, "--db", db]);
      assert.equal(r.code, 2, `${db}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.match(r.stderr, /^xborder: --db: /);
    }
  });
  test("a directory where the lock file goes: a clear error, not a spin", () => {
    const db = join(dir, "locked");
    mkdirSync(join(db, "lock"), { recursive: true });
    const r = xborder(["ledger", "count", "--map", map, "--db", db], { env: { XBORDER_LOCK_TIMEOUT_MS: "2000" } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /lock: is not a lock file xborder can read/);
  });
  test("events dated after today are imported, with a warning (a typo guard)", () => {
    const db = join(dir, "future");
    const r = xborder([
      "ledger",
      "import",
      file("future.csv", "date,transfer,person\n2026-03-01,t,13800138000\n2099-03-01,t,13800138001\n"),
      "--map",
      map,
      "--db",
      db,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: the ledger holds events dated after today .*the latest 2099-03-01/);
    const fine = xborder(["ledger", "import", events, "--map", map, "--db", join(dir, "past")]);
    assert.doesNotMatch(fine.stderr, /warning/);
  });
  test("a map of 1,000 transfers imports (its union set's key is a digest, not a 3 KB index row)", () => {
    const n = 1000;
    const big = file(
      "big.yaml",
      `xborder: 1\nprocessor: { name: A, region: '310115' }\nrecipients: [{ id: hq, region: US }]\ndatasets: [{ id: c }]\ntransfers:\n${Array.from({ length: n }, (_, i) => `  - { id: transfer-with-a-long-name-${i}, dataset: c, recipient: hq }`).join("\n")}\n`,
    );
    const ev = file("big.csv", `date,transfer,person\n2026-03-01,transfer-with-a-long-name-7,13800138000\n`);
    const r = xborder(["ledger", "import", ev, "--map", big, "--db", join(dir, "big")]);
    assert.equal(r.code, 0, r.stderr);
  });
  test("the union set digest is the database's own md5 of the key (so sets from before migration 0006 are found)", async () => {
    const store = await openStore(join(dir, "md5"));
    try {
      const key = ["人事", "ops", "订单"].sort().join("\n");
      const r = await sql<{ d: string }>`select md5(${key}) as d`.execute(store.db);
      assert.equal(r.rows[0]?.d, setDigest(key));
    } finally {
      await store.close();
    }
  });
});

describe("data maps and the calendar", () => {
  test("a YAML alias bomb: exit 2 naming the file, no stack trace", () => {
    const bomb = file(
      "bomb.yaml",
      "xborder: 1\nprocessor: {}\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
    );
    const r = xborder(["assess", bomb]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bomb\.yaml: not a usable data map: too many YAML aliases/);
    assert.equal(r.stdout, "");
  });
  test("more transfers than one map may hold: exit 2 with the limit; a 1,000-transfer map assesses", () => {
    const gen = (n: number) =>
      `xborder: 1\nasOf: '2026-06-30'\nprocessor: { name: A, region: '310115' }\nrecipients: [{ id: hq, region: US }]\ndatasets: [{ id: c }]\ntransfers:\n${Array.from({ length: n }, (_, i) => `  - { id: t${i}, dataset: c, recipient: hq, persons: { general: 3 } }`).join("\n")}\n`;
    const over = xborder(["assess", file("over.yaml", gen(20_001))]);
    assert.equal(over.code, 2);
    assert.match(over.stderr, /transfers: 20001 transfers; xborder assesses at most 20000 in one map/);
    const ok = xborder(["assess", file("ok.yaml", gen(1000)), "--format", "json"]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).transfers.length, 1000);
  });
  test("a GB18030 map reads as Chinese; bytes that are no text are refused", () => {
    const text =
      "xborder: 1\nasOf: '2026-06-30'\nprocessor: { name: 深圳示例科技有限公司, region: '440300' }\nrecipients: [{ id: 香港, region: HK }]\ndatasets: [{ id: 客户 }]\ntransfers: [{ id: 订单, dataset: 客户, recipient: 香港 }, { id: 订单二, dataset: 客户, recipient: 香港 }]\n";
    const r = xborder(["assess", file("gbk.yaml", gb18030(text)), "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assert.equal(a.processor.name, "深圳示例科技有限公司");
    assert.deepEqual(
      a.transfers.map((t: { id: string }) => t.id),
      ["订单", "订单二"],
    );
    const bad = xborder(["assess", file("bin.yaml", Buffer.from([0x78, 0x3a, 0x20, 0xff, 0xfe, 0xfd, 0x81, 0x30, 0x00, 0x00]))]);
    assert.equal(bad.code, 2);
  });
  test("add-working-days with an absurd N: exit 2 with the supported range", () => {
    const r = xborder(["calendar", "add-working-days", "2026-01-01", "99999999"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /n: expected a non-zero whole number from -20000 to 20000/);
    const past = xborder(["calendar", "add-working-days", "2099-12-01", "500"]);
    assert.equal(past.code, 2);
    assert.match(past.stderr, /working days are known from 2014-01-01 to 2100-12-31/);
  });
});

/** GB18030 bytes of a text (Node decodes GB18030 but cannot encode it): glibc's iconv. */
function gb18030(text: string): Buffer {
  return execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text });
}
