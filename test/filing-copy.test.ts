/**
 * Filings a desk officer accepts (issue 30): Chinese names instead of codes, each package over its
 * route's transfers (refused with its reason where it does not apply), the filing copy (--final)
 * clean of the tool, and `report check` exiting 0 exactly when --final succeeds. Read back from the
 * DOCX XML, the HTML and the PDF text (pdftotext) — one test per rule.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parse, stringify } from "yaml";
import { hasChromium } from "../src/chromium.js";
import { loadDataMap } from "../src/engine/load.js";
import { buildDocument, DOCUMENT_KINDS, documentToHtml, openItems } from "../src/report/documents/index.js";
import { codeTokens, htmlBody, paragraphs, part } from "./documents-helpers.js";
import { ROOT, xborder } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xborder-filing-"));
const ex = (name: string) => join(ROOT, "examples", name);
const ANSWERED = ex("answered-shenzhen-health.yaml");
const SHENZHEN = ex("shenzhen-ecommerce.yaml");
const BANK = ex("ciio-bank.yaml");
const LEGACY = ex("legacy-2023.yaml");
const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"));

const build = (file: string, kind: (typeof DOCUMENT_KINDS)[number], o: { route?: "sc" | "gba"; transfers?: string[] } = {}) => {
  const map = loadDataMap(file);
  return { map, doc: buildDocument(kind, { map, asOf: map.asOf!, lang: "zh", ...o }) };
};
const html = (file: string, kind: (typeof DOCUMENT_KINDS)[number], o: { route?: "sc" | "gba" } = {}) =>
  documentToHtml(build(file, kind, o).doc);

/** A variant of a map, written to a temporary file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML tree edited in place
type Tree = Record<string, any>;
function variant(file: string, edit: (m: Tree) => void): string {
  const m = parse(readFileSync(file, "utf8")) as Tree;
  edit(m);
  const out = join(dir, `map-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(out, stringify(m));
  return out;
}

async function hasPart(file: string, name: string): Promise<boolean> {
  try {
    await part(file, name);
    return true;
  } catch {
    return false;
  }
}

describe("§1 Chinese, not codes", () => {
  test("no zh document body of any example holds an English token outside the company's own words and the placeholder keys", () => {
    const found: string[] = [];
    for (const f of EXAMPLES)
      for (const kind of DOCUMENT_KINDS)
        for (const route of kind === "pipia" ? (["sc", "gba"] as const) : [undefined]) {
          const { map, doc } = build(ex(f), kind, { route });
          if (doc.notApplicable) continue;
          const tokens = codeTokens(htmlBody(documentToHtml(doc)), map);
          if (tokens.length) found.push(`${f} ${kind}${route ? ` ${route}` : ""}: ${tokens.join(" ")}`);
        }
    assert.deepEqual(found, []);
  });

  test("the filing copies of the answered map, read back from the DOCX XML and the PDF text, hold no code either", async () => {
    const map = loadDataMap(ANSWERED);
    const pdf = hasChromium() && spawnSync("pdftotext", ["-v"]).status === 0;
    for (const kind of DOCUMENT_KINDS) {
      const docx = join(dir, `zh-${kind}.docx`);
      assert.equal(xborder(["report", kind, ANSWERED, "--final", "--out", docx]).code, 0);
      const text = paragraphs(await part(docx, "word/document.xml"))
        .map((p) => p.text)
        .join("\n");
      assert.deepEqual(codeTokens(text, map), [], `${kind}.docx`);
      assert.doesNotMatch(text, /\d,\d{3}|\b(HK|MO|TW|SG|DE)\b|440305/, `${kind}.docx: a separator, a region or division code`);
      if (!pdf) continue;
      const out = join(dir, `zh-${kind}.pdf`);
      assert.equal(xborder(["report", kind, ANSWERED, "--final", "--out", out]).code, 0);
      const pdfText = spawnSync("pdftotext", [out, "-"], { encoding: "utf8" }).stdout;
      assert.deepEqual(codeTokens(pdfText, map, { cells: true }), [], `${kind}.pdf`);
    }
  });

  test("sensitive categories, data subjects, manner and recipient kind by their Chinese names", () => {
    const sc = html(ANSWERED, "sa-application");
    assert.match(sc, /医疗健康/);
    assert.doesNotMatch(sc, /medical_health/);
    const gba = html(ANSWERED, "gba-filing");
    assert.match(gba, /<td>患者<\/td>/, "个人信息主体类别: 患者");
    assert.match(gba, /<td>传输至境外<\/td>/);
    assert.match(html(BANK, "self-assessment"), /<td>组织<\/td>/, "境外接收方类型: 组织");
    assert.match(html(BANK, "sa-application"), /<td>金融账户<\/td>/);
  });

  test("Hong Kong, Macao and Taiwan are regions of China by name, never HK/MO/TW, never under a heading that calls them only a 国家", () => {
    const sa = htmlBody(html(BANK, "self-assessment"));
    assert.match(sa, /中国香港特别行政区/);
    assert.doesNotMatch(sa, /\b(HK|MO|TW)\b/);
    const gba = htmlBody(html(SHENZHEN, "gba-filing"));
    assert.match(gba, /中国澳门特别行政区/);
    assert.match(htmlBody(html(SHENZHEN, "pipia")), /新加坡/);
    for (const f of [BANK, SHENZHEN])
      for (const kind of DOCUMENT_KINDS) {
        const d = build(f, kind).doc;
        for (const b of d.blocks)
          if (b.kind === "table") for (const c of b.columns) assert.ok(!/国家/.test(c) || /地区/.test(c), `${kind}: column ${c}`);
      }
  });

  test("the processor's seat is a place name from its division code, with its address", () => {
    const bank = htmlBody(html(BANK, "self-assessment"));
    assert.match(bank, /注册地：北京市西城区/);
    assert.doesNotMatch(bank, /110102/);
    assert.match(htmlBody(html(ANSWERED, "sc-filing")), /深圳市南山区科技园科苑路15号康联大厦12层/);
  });

  test("people as the templates count them (2600000人, no thousands separator), retention as a period (3年)", () => {
    const sa = htmlBody(html(BANK, "sa-application"));
    assert.match(sa, /2600000人/);
    assert.doesNotMatch(sa, /\d,\d{3}/);
    const answered = htmlBody(html(ANSWERED, "sa-application"));
    assert.match(answered, /<td>\s*3年\s*<\/td>|3年/);
    assert.doesNotMatch(answered, /1095/);
  });
});

describe("§3 each package for its transfers", () => {
  test("the SC filing's 附录一 covers only standard-contract transfers: not one filed under the GBA contract, not an exempt one", () => {
    const d = build(SHENZHEN, "sc-filing").doc;
    const captions = d.blocks.flatMap((b) => (b.kind === "table" && b.caption ? [b.caption] : []));
    assert.deepEqual(captions, ["向Lion City Marketplace Pte. Ltd.提供个人信息（市场营销）"], "one appendix: the marketing feed");
    const body = htmlBody(documentToHtml(d));
    assert.match(body, /Lion City Marketplace/);
    assert.doesNotMatch(body, /澳門數據分析顧問有限公司/, "analytics-mo is filed under the GBA contract");
    assert.doesNotMatch(body, /澳門速遞物流有限公司/, "delivery is exempt");
  });

  test("the GBA filing covers only GBA transfers; the SA application only those needing an assessment", () => {
    const gba = htmlBody(html(SHENZHEN, "gba-filing"));
    assert.match(gba, /澳門數據分析顧問有限公司/);
    assert.doesNotMatch(gba, /Lion City Marketplace|澳門速遞物流/);
    const sa = htmlBody(html(BANK, "sa-application"));
    assert.match(sa, /Group Risk Centre/);
    assert.doesNotMatch(sa, /Correspondent Bank/, "the exempt remittance feed is not assessed");
  });

  test("--transfer chooses the transfers; one outside the route (or exempt) is refused with exit 2", () => {
    const out = join(dir, "one.html");
    const ok = xborder(["report", "pipia", ANSWERED, "--transfer", "crm-de", "--out", out]);
    assert.equal(ok.code, 0, ok.stderr);
    const bad = xborder(["report", "sc-filing", SHENZHEN, "--transfer", "delivery", "--out", out]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /delivery.*exempt/);
  });

  test("a package that does not apply is refused with its reason (exit 2), and check never calls it complete", () => {
    const out = join(dir, "refused.docx");
    const gba = xborder(["report", "gba-filing", BANK, "--out", out]);
    assert.equal(gba.code, 2);
    assert.match(gba.stderr, /北京市西城区.*不在粤港澳大湾区内地九市/);
    assert.ok(!existsSync(out), "nothing written");
    const sa = xborder(["report", "sa-application", SHENZHEN, "--out", out]);
    assert.equal(sa.code, 2);
    assert.match(sa.stderr, /没有需要申报数据出境安全评估的出境活动/);
    const check = xborder(["report", "check", "sa-application", SHENZHEN]);
    assert.equal(check.code, 2);
    assert.doesNotMatch(check.stdout, /nothing open/);
    const outside = variant(SHENZHEN, (m) =>
      m.filings.push({ type: "gba_standard_contract", transfer: "marketing-sg", effectiveDate: "2026-11-02" }),
    );
    const sg = xborder(["report", "gba-filing", outside, "--out", out]);
    assert.equal(sg.code, 2);
    assert.match(sg.stderr, /新加坡.*不在香港或者澳门/);
  });

  test("附录一 is the official appendix's ten items exactly, 处理目的 in the company's words", () => {
    const d = build(ANSWERED, "sc-filing").doc;
    const t = d.blocks.find((b) => b.kind === "table" && b.caption === "会员客户服务");
    assert.ok(t && t.kind === "table");
    assert.deepEqual(
      t.rows.map((r) => r[0]),
      [
        "（一）处理目的",
        "（二）处理方式",
        "（三）出境个人信息的个人信息主体类别",
        "（四）出境个人信息种类",
        "（五）敏感个人信息种类（如适用）",
        "（六）境外接收方只向以下中华人民共和国境外第三方提供个人信息（如适用）",
        "（七）传输方式",
        "（八）出境后保存期限",
        "（九）出境后保存地点",
        "（十）其他事项（视情况填写）",
      ],
    );
    assert.equal(t.rows[0]![1], "境外客户服务中心处理会员咨询和投诉");
    assert.equal(t.rows[7]![1], "2年");
  });

  test("the GBA documents speak the GBA contract's language and state the Art 4(2) limit", () => {
    for (const body of [htmlBody(html(SHENZHEN, "gba-filing")), htmlBody(html(SHENZHEN, "pipia", { route: "gba" }))]) {
      assert.doesNotMatch(body, /境外接收方|中华人民共和国境外/);
      assert.match(body, /接收方不得向粤港澳大湾区以外的组织、个人提供个人信息/);
      assert.match(body, /第四条第二项/);
    }
  });

  test("the SA application names the recipient, its region and contact per scenario, says which declaration it is and names the undertaking; no tool caveat", () => {
    const bank = htmlBody(html(BANK, "sa-application"));
    for (const field of ["境外接收方名称", "境外接收方所在国家或者地区", "境外接收方联系人及联系方式", "出境频率", "申报类型"])
      assert.match(bank, new RegExp(field));
    assert.match(bank, /申请延长评估结果有效期（前次评估结果有效期至2027年5月10日）/);
    assert.match(htmlBody(html(ANSWERED, "sa-application")), /首次申报/);
    assert.match(bank, /申报承诺/);
    assert.doesNotMatch(bank, /截图|xborder/);
  });
});

describe("§2 the filing copy", () => {
  test("--final refuses (exit 1, nothing written) while anything is open, listing each item", () => {
    const out = join(dir, "open.docx");
    const r = xborder(["report", "sc-filing", SHENZHEN, "--final", "--out", out]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /not written/);
    assert.match(r.stdout, /statements\.sc-filing\.material-undertaking/);
    assert.ok(!existsSync(out));
    const en = xborder(["report", "pipia", ANSWERED, "--final", "--lang", "en", "--out", out]);
    assert.equal(en.code, 2, "the filing copy is Chinese");
  });

  test("the filing copy (DOCX) has no source marks, notes, checklist, tool line, placeholder keys or 待办 states", async () => {
    for (const kind of DOCUMENT_KINDS) {
      const out = join(dir, `final-${kind}.docx`);
      const r = xborder(["report", kind, ANSWERED, "--final", "--out", out]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const xml = await part(out, "word/document.xml");
      for (const mark of ["来源", "待完成事项", "待填写", "待办", "xborder", "statements.", "工作稿"])
        assert.ok(!xml.includes(mark), `${kind}: ${mark}`);
      assert.equal(await hasPart(out, "word/comments.xml"), false, `${kind}: no comments`);
    }
  });

  test("the working copy keeps its marks and puts each placeholder's key in a Word comment, not in the sentence", async () => {
    const out = join(dir, "work.docx");
    assert.equal(xborder(["report", "sc-filing", SHENZHEN, "--out", out]).code, 0);
    const ps = paragraphs(await part(out, "word/document.xml"));
    const todo = ps.filter((p) => p.style === "Placeholder");
    assert.ok(todo.length > 0);
    for (const p of todo) assert.doesNotMatch(p.text, /statements|[a-z]{3,}-/);
    const comments = await part(out, "word/comments.xml");
    assert.match(comments, /statements\.sc-filing\.material-undertaking/);
    assert.ok(
      ps.some((p) => /来源/.test(p.text)),
      "source marks while drafting",
    );
    const h = html(SHENZHEN, "sc-filing");
    assert.match(h, /<section class="footnotes">[\s\S]*statements\.sc-filing\./);
    assert.doesNotMatch(h.replace(/<section class="footnotes">[\s\S]*?<\/section>/, ""), /statements\./);
  });

  test("the cover per template: title, the processor's name line with （盖章）, then 年 月 日 — in the DOCX", async () => {
    for (const [kind, label] of [
      ["self-assessment", "数据处理者名称"],
      ["pipia", "个人信息处理者名称"],
      ["gba-filing", "个人信息处理者名称"],
    ] as const) {
      const out = join(dir, `cover-${kind}.docx`);
      assert.equal(xborder(["report", kind, ANSWERED, "--final", "--out", out]).code, 0);
      const ps = paragraphs(await part(out, "word/document.xml"));
      assert.equal(ps[0]!.style, "Title");
      assert.equal(ps[1]!.text, `${label}：深圳市南山康联健康管理有限公司（盖章）`);
      assert.match(ps[2]!.text, /^\s*年\s+月\s+日$/);
    }
  });

  test("every DOCX has a footer with a PAGE field", async () => {
    const out = join(dir, "page.docx");
    assert.equal(xborder(["report", "pipia", SHENZHEN, "--out", out]).code, 0);
    const footer = await part(out, "word/footer1.xml");
    assert.match(footer, /<w:instrText[^>]*> PAGE <\/w:instrText>/);
    assert.match(await part(out, "word/document.xml"), /<w:footerReference w:type="default" r:id="rId2"\/>/);
    assert.match(await part(out, "word/_rels/document.xml.rels"), /Id="rId2"[^>]*Target="footer1.xml"/);
  });

  const pdfReady = hasChromium() && spawnSync("pdftotext", ["-v"]).status === 0;
  test(
    "the PDF filing copy has page numbers and none of the tool's marks",
    { skip: pdfReady ? false : "needs chromium and pdftotext" },
    () => {
      const out = join(dir, "final.pdf");
      assert.equal(xborder(["report", "self-assessment", ANSWERED, "--final", "--out", out]).code, 0);
      const text = spawnSync("pdftotext", [out, "-"], { encoding: "utf8" }).stdout;
      assert.match(text, /^-\s*1\s*-$/m);
      assert.match(text, /^-\s*3\s*-$/m);
      assert.match(text, /数据处理者名称：深圳市南山康联健康管理有限公司（盖章）/);
      for (const mark of ["来源", "待完成事项", "xborder", "statements"]) assert.ok(!text.includes(mark), mark);
    },
  );

  test("the template's numbering: self-assessment 1.–3. under （一）, 1.–6. under （二）, 1.–4. under （三）, 1.–3. under （四）, the six contract points 1.–6.; it survives answering", () => {
    const numbered = (file: string) => {
      const d = build(file, "self-assessment").doc;
      const out: Record<string, string[]> = {};
      let h2 = "";
      for (const b of d.blocks)
        if (b.kind === "heading" && b.level === 2) h2 = b.text.slice(0, 3);
        else if (b.kind === "heading" && b.level === 3) (out[h2] ??= []).push(b.text.split(" ")[0]!);
      return out;
    };
    const expected = {
      "（一）": ["1.", "2.", "3."],
      "（二）": ["1.", "2.", "3.", "4.", "5.", "6."],
      "（三）": ["1.", "2.", "3.", "4."],
      "（四）": ["1.", "2.", "3."],
      "（五）": ["1.", "2.", "3.", "4.", "5.", "6."],
    };
    assert.deepEqual(numbered(BANK), expected);
    assert.deepEqual(numbered(ANSWERED), expected, "the same once every placeholder is answered");
    const pipia = htmlBody(html(ANSWERED, "pipia"));
    for (const n of ["（1）", "（2）", "（3）出境个人信息的规模、范围、种类、敏感程度", "（4）", "（5）"]) assert.ok(pipia.includes(n), n);
  });
});

describe("§4 dates and editions", () => {
  test("a passed filing deadline is marked late, with a placeholder for the explanation", () => {
    const gba = build(SHENZHEN, "gba-filing").doc;
    assert.match(htmlBody(documentToHtml(gba)), /2026年10月15日\s+已逾期/);
    assert.ok(openItems(gba).some((o) => o.key === "statements.gba-filing.late-filing-explanation"));
    const notes = /<section class="notes">[\s\S]*?<\/section>/.exec(html(ANSWERED, "pipia"))![0];
    assert.match(
      notes,
      /会员客户服务\u3000备案截止日\u30002026年11月30日\u3000未到期/,
      "the PIPIA's working notes show its filing's deadline",
    );
    const ok = htmlBody(html(ANSWERED, "gba-filing"));
    assert.match(ok, /2026年12月2日/);
    assert.match(ok, /未到期/);
  });

  test("editions: a map assessed before 2024-03-22 gets the 1st edition (评估工作简述; the SC filing's certificate and ID copies)", () => {
    const legacy = build(LEGACY, "pipia").doc;
    assert.equal(legacy.blocks[0]!.kind === "heading" && legacy.blocks[0]!.text, "一、评估工作简述");
    assert.match(legacy.edition, /第一版/);
    assert.match(htmlBody(html(LEGACY, "sc-filing")), /统一社会信用代码证件影印件/);
    assert.doesNotMatch(htmlBody(html(ANSWERED, "sc-filing")), /统一社会信用代码证件影印件/);
    assert.match(build(ANSWERED, "pipia").doc.edition, /第二版/);
  });

  test("a 1st-edition self-assessment opens with 一、自评估工作简述", () => {
    const d = build(
      variant(BANK, (m) => (m.asOf = "2024-03-21")),
      "self-assessment",
    ).doc;
    assert.equal(d.notApplicable, undefined);
    assert.equal(d.blocks[0]!.kind === "heading" && d.blocks[0]!.text, "一、自评估工作简述");
    const after = build(
      variant(BANK, (m) => (m.asOf = "2024-03-22")),
      "self-assessment",
    ).doc;
    assert.equal(after.blocks[0]!.kind === "heading" && after.blocks[0]!.text, "一、自评估工作情况", "the 2nd edition from its day");
  });

  test("the self-assessment states when it was done and is unfileable when that is more than 3 months before the filing date", () => {
    assert.match(htmlBody(html(ANSWERED, "self-assessment")), /本次自评估于2026年11月10日完成/);
    const stale = variant(ANSWERED, (m) => (m.statements["self-assessment"]["completed-on"] = "2026-08-21"));
    const r = xborder(["report", "check", "self-assessment", stale]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /3个月以上/);
    const edge = variant(ANSWERED, (m) => (m.statements["self-assessment"]["completed-on"] = "2026-08-22"));
    assert.equal(xborder(["report", "check", "self-assessment", edge]).code, 0, "exactly 3 months is still within them");
  });
});

describe("§5 report check means fileable", () => {
  test("check exits 0 exactly when --final succeeds, for every kind of the answered map and of an example", () => {
    for (const [file, kinds] of [
      [ANSWERED, DOCUMENT_KINDS],
      [SHENZHEN, ["pipia", "sc-filing", "gba-filing"]],
    ] as const)
      for (const kind of kinds) {
        const check = xborder(["report", "check", kind, file]).code;
        const final = xborder(["report", kind, file, "--final", "--out", join(dir, `c-${kind}.html`)]).code;
        assert.equal(check === 0, final === 0, `${kind} ${file}: check ${check}, --final ${final}`);
        assert.equal(check, file === ANSWERED ? 0 : 1, `${kind} ${file}`);
      }
  });

  test("check lists materials still to sign, seal or copy, and a late filing's explanation", () => {
    const r = xborder(["report", "check", "gba-filing", SHENZHEN]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /签署、盖章：承诺书/);
    assert.match(r.stdout, /说明逾期备案的原因/);
  });
});
