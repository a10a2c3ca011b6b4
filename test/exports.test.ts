/**
 * Exports a team hands on (issue 29 §4): the transfers with pathways and citations, the counts as
 * of a date, the obligations register and the audit log, as CSV and XLSX, over the API and linked
 * from the pages; the same answers as the pages (the ledger's counts), read back with exceljs.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { Running } from "../src/server/serve.js";
import { boot, type Client, json, req, setUp, tokenFor } from "./server-helpers.js";

const DATE = "2026-11-22";

async function sheet(r: Response): Promise<unknown[][]> {
  assert.equal(r.status, 200, await r.clone().text());
  assert.match(r.headers.get("content-type") ?? "", /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A CSV answer's text, after checking its byte-order mark (so Excel reads Chinese). */
async function csvText(r: Response): Promise<string> {
  assert.equal(r.status, 200);
  const bytes = Buffer.from(await r.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a byte-order mark");
  return bytes.subarray(3).toString("utf8");
}

/** CSV rows (the writer's own quoting: "…" with "" inside). */
function csvRows(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted && ch === '"' && s[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  return rows;
}

describe("exports: CSV and XLSX of the transfers, the counts, the obligations and the audit log", () => {
  let run: Running;
  let owner: Client;
  before(async () => {
    run = await boot(mkdtempSync(join(tmpdir(), "xborder-exports-")));
    owner = await setUp(run, "owner@ex.example", "Ex", true);
  });
  after(async () => run?.close());

  test("the transfers: each pathway and its citations, on the ledger's counts, as the assessment says", async () => {
    const a = await json<{ transfers: { id: string; pathway: string }[] }>(
      await req(run.url, "/api/v1/orgs/demo/assess", {
        method: "POST",
        client: owner,
        type: "application/json",
        body: JSON.stringify({ asOf: DATE }),
      }),
    );
    const rows = await sheet(await req(run.url, `/api/v1/orgs/demo/exports/transfers.xlsx?asOf=${DATE}`, { client: owner }));
    const head = rows[0] as string[];
    assert.deepEqual(head.slice(0, 5), ["出境活动", "数据集", "境外接收方", "路径", "路径代码"]);
    const body = rows.slice(1);
    assert.deepEqual(Object.fromEntries(body.map((r) => [r[0], r[4]])), Object.fromEntries(a.transfers.map((t) => [t.id, t.pathway])));
    const sg = body.find((r) => r[0] === "marketing-sg")!;
    assert.equal(sg[head.indexOf("人数来源")], "出境台账");
    assert.equal(typeof sg[head.indexOf("一般个人信息人数")], "number", "numbers stay numbers");
    assert.notEqual(sg[head.indexOf("一般个人信息人数")], 64000, "the ledger's count, not the map's");
    assert.match(String(sg[head.indexOf("依据")]), /《促进和规范数据跨境流动规定》/);
    const csv = csvRows(
      await csvText(await req(run.url, `/api/v1/orgs/demo/exports/transfers.csv?asOf=${DATE}&lang=en`, { client: owner })),
    );
    assert.equal(csv[0]![0], "transfer");
    assert.deepEqual(
      csv.slice(1).map((r) => [r[0], r[4]]),
      body.map((r) => [r[0], r[4]]),
    );
  });

  test("the counts as of a date, the obligations register, the audit log; a formula-like text stays text", async () => {
    const count = await json<{ cumulative: { general: number } }>(
      await req(run.url, `/api/v1/orgs/demo/ledger/count?asOf=${DATE}`, { client: owner }),
    );
    const counts = await sheet(await req(run.url, `/api/v1/orgs/demo/exports/counts.xlsx?asOf=${DATE}`, { client: owner }));
    const total = counts.find((r) => String(r[0]).startsWith("合计"))!;
    assert.equal(total[1], count.cumulative.general);
    assert.equal(total[4], DATE);

    const reg = await json<{ items: { id: string }[] }>(
      await req(run.url, `/api/v1/orgs/demo/obligations?asOf=${DATE}`, { client: owner }),
    );
    const obligations = csvRows(
      await csvText(await req(run.url, `/api/v1/orgs/demo/exports/obligations.csv?asOf=${DATE}`, { client: owner })),
    );
    assert.deepEqual(
      obligations.slice(1).map((r) => r[0]),
      reg.items.map((i) => i.id),
    );

    // A token named like a formula: the audit log records it; the exports keep it as text.
    const made = await req(run.url, "/api/v1/orgs/demo/tokens", {
      method: "POST",
      client: owner,
      type: "application/json",
      body: JSON.stringify({ name: '=HYPERLINK("http://x")', role: "viewer" }),
    });
    assert.equal(made.status, 201);
    const audit = await sheet(await req(run.url, "/api/v1/orgs/demo/exports/audit.xlsx", { client: owner }));
    assert.deepEqual((audit[0] as string[]).slice(0, 4), ["seq", "at (UTC)", "时间（北京时间）", "actor"]);
    const hostile = audit.find((r) => String(r[5]).includes("HYPERLINK"))!;
    assert.equal(typeof hostile[5], "string", "a text cell, not a formula");
    const csv = await csvText(await req(run.url, "/api/v1/orgs/demo/exports/audit.csv", { client: owner }));
    assert.match(csv, /,"'=HYPERLINK\(""http:\/\/x""\)/);
    const viewer = await tokenFor(run.url, owner, "demo", "viewer");
    assert.equal(
      (await req(run.url, "/api/v1/orgs/demo/exports/audit.csv", { token: viewer })).status,
      403,
      "the audit log is for auditors",
    );
    assert.equal((await req(run.url, "/api/v1/orgs/demo/exports/transfers.pdf", { client: owner })).status, 422);
    assert.equal((await req(run.url, "/api/v1/orgs/demo/exports/nothing.csv", { client: owner })).status, 404);
  });

  test("the pages link their exports, on the page's date", async () => {
    for (const [path, kind] of [
      [`/o/demo/assessment?asOf=${DATE}`, "transfers"],
      [`/o/demo/ledger?asOf=${DATE}`, "counts"],
      [`/o/demo/deadlines?asOf=${DATE}`, "obligations"],
    ] as const) {
      const page = await (await req(run.url, path, { client: owner })).text();
      assert.match(page, new RegExp(`/api/v1/orgs/demo/exports/${kind}\\.xlsx\\?lang=zh&amp;asOf=${DATE}`), path);
      assert.match(page, new RegExp(`/api/v1/orgs/demo/exports/${kind}\\.csv`), path);
    }
    assert.match(await (await req(run.url, "/o/demo/audit", { client: owner })).text(), /exports\/audit\.xlsx/);
  });
});
