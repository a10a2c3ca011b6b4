/**
 * The filing documents (issue 17, first part): the self-assessment report and the PIPIA report,
 * read back from what was written — the DOCX's XML for headings, styles, tables and filled values,
 * the PDF through pdftotext where poppler is installed, the HTML for the golden outline — and the
 * completeness check.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { stringify, parse } from "yaml";
import { hasChromium } from "../src/chromium.js";
import { paragraphs, part } from "./documents-helpers.js";
import { ROOT, xborder } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xborder-report-"));
const EXAMPLE = join(ROOT, "examples/shenzhen-ecommerce.yaml");
/** A map with a transfer that needs the security assessment (the self-assessment's and the SA application's scope). */
const SA_EXAMPLE = join(ROOT, "examples/ciio-bank.yaml");

/** A map with the facts the documents read: scenarios and their items, storage, use, clauses, notice. */
function fullMap(name = "深圳市前海跨境优选电子商务有限公司", o: { sa?: boolean } = {}): string {
  const m = parse(readFileSync(EXAMPLE, "utf8")) as Record<string, unknown> & {
    processor: Record<string, unknown>;
    transfers: Record<string, unknown>[];
    datasets: Record<string, unknown>[];
  };
  if (o.sa) {
    // Sensitive PI of more than 10,000 people: the marketing feed needs a security assessment (CBDF-2024 Art 7(1)(2)).
    m.datasets.find((d) => d.id === "marketing-profiles")!.sensitive = ["financial_account"];
    m.transfers.find((t) => t.id === "marketing-sg")!.persons = { general: 64000, sensitive: 20000 };
  }
  m.processor.name = name;
  m.processor.dataSecurityContact = { name: "王经理", title: "数据安全负责人" };
  m.scenarios = [
    {
      id: "marketing",
      name: "跨境营销",
      transfers: ["marketing-sg"],
      items: [
        { name: "手机号码", description: "会员登录手机号", necessity: "短信营销所必需", example: "138****8000" },
        { name: "手机号码", description: "重复的一项" },
        { name: "会员等级", description: "会员等级", necessity: "分群", example: "金卡" },
      ],
    },
  ];
  for (const t of m.transfers) {
    Object.assign(t, {
      storageSystems: "阿里云华南1（深圳）",
      storagePlace: "Singapore",
      recipientUse: "营销分析",
      contractClauses: ["purpose_scope", "storage_abroad", "onward_transfer", "change_of_control", "remedies", "incidents"],
      noticeGiven: true,
      consentObtained: true,
    });
  }
  const file = join(dir, `map-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, stringify(m));
  return file;
}

describe("xborder report", () => {
  test("self-assessment as DOCX: the template's headings as named Word styles, the data-item table de-duplicated, filled values from the map", async () => {
    const map = fullMap(undefined, { sa: true });
    const out = join(dir, "sa.docx");
    const r = xborder(["report", "self-assessment", map, "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const ps = paragraphs(await part(out, "word/document.xml"));
    const h = (style: string) => ps.filter((p) => p.style === style).map((p) => p.text);
    assert.deepEqual(h("Heading1"), ["一、自评估工作情况", "二、出境活动整体情况", "三、出境活动的风险自评估情况及结论"]);
    assert.deepEqual(h("Heading2").slice(1), [
      "（一）数据处理者基本情况",
      "（二）拟出境数据情况",
      "（三）数据处理者数据安全保障能力情况",
      "（四）境外接收方情况",
      "（五）法律文件约定数据安全保护责任义务的情况",
      "（六）数据处理者认为需要说明的其他情况",
    ]);
    const xml = await part(out, "word/document.xml");
    for (const col of ["序号", "数据项名称", "内容描述", "出境必要性", "示例", "备注"]) assert.match(xml, new RegExp(col));
    assert.equal((xml.match(/会员登录手机号/g) ?? []).length, 1);
    assert.doesNotMatch(xml, /重复的一项/, "items are de-duplicated within a scenario");
    assert.match(xml, /王经理/);
    assert.match(xml, /阿里云华南1（深圳）/);
    const styles = await part(out, "word/styles.xml");
    for (const s of ["正文（仿宋 四号）", "一级标题（黑体）", "二级标题（楷体 加粗）", "三级标题（仿宋 加粗）"])
      assert.match(styles, new RegExp(s.replace(/[()（）]/g, ".")));
    assert.match(styles, /w:eastAsia="仿宋"/);
    assert.match(styles, /w:line="520" w:lineRule="exact"/);
  });

  test("a changed fact changes the document (a mutation of a filled value is caught)", async () => {
    const a = join(dir, "a.docx");
    const b = join(dir, "b.docx");
    assert.equal(xborder(["report", "pipia", fullMap("甲公司"), "--out", a]).code, 0);
    assert.equal(xborder(["report", "pipia", fullMap("乙公司"), "--out", b]).code, 0);
    const xa = await part(a, "word/document.xml");
    const xb = await part(b, "word/document.xml");
    assert.match(xa, /甲公司/);
    assert.doesNotMatch(xa, /乙公司/);
    assert.match(xb, /乙公司/);
  });

  test("pipia as HTML: the golden outline of the template (2nd edition, Annex 5), numbered as the template prints it", () => {
    const out = join(dir, "p.html");
    assert.equal(xborder(["report", "pipia", EXAMPLE, "--out", out]).code, 0);
    const html = readFileSync(out, "utf8");
    const outline = [...html.matchAll(/<h([123])>([^<]+)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(outline, [
      "2 待完成事项（15）",
      "1 一、出境活动整体情况",
      "2 （一）个人信息处理者基本情况",
      "3 1. 股权结构、实际控制人、境内外投资、组织架构和个人信息保护机构情况",
      "3 2. 业务和个人信息处理情况",
      "3 3. 拟出境个人信息情况",
      "3 4. 遵守个人信息保护法律法规的情况",
      "2 （二）境外接收方情况",
      "3 1. 境外接收方基本情况",
      "3 2. 境外接收方处理个人信息的目的、方式",
      "3 3. 境外接收方的个人信息保护措施和能力",
      "2 （三）个人信息处理者认为需要说明的其他情况",
      "1 二、拟出境活动的影响评估情况及结论",
    ]);
    assert.match(html, /个人信息出境标准合同备案指南（第二版）附件5/);
    assert.match(html, /《个人信息出境标准合同办法》（以下简称《标准合同办法》）第五条/);
  });

  test("the completeness check lists what is missing and exits 1; facts in the map take items off it", () => {
    const bare = xborder(["report", "check", "self-assessment", SA_EXAMPLE]);
    assert.equal(bare.code, 1);
    assert.match(bare.stdout, /scenarios/);
    assert.match(bare.stdout, /recipientUse/);
    const full = xborder(["report", "check", "self-assessment", fullMap(undefined, { sa: true })]);
    assert.equal(full.code, 1, "what only the company can write is still missing");
    assert.doesNotMatch(full.stdout, /scenarios|recipientUse|storageSystems|单独同意的证明|法律文件未约定/);
    assert.ok(full.stdout.split("\n").length < bare.stdout.split("\n").length);
  });

  test("sc-filing: the materials list, the parties and Appendix 1 filled per standard-contract transfer; the contract's articles not reproduced", async () => {
    const out = join(dir, "sc.docx");
    assert.equal(xborder(["report", "sc-filing", fullMap(), "--out", out]).code, 0);
    const ps = paragraphs(await part(out, "word/document.xml"));
    const h = (style: string) => ps.filter((p) => p.style === style).map((p) => p.text);
    assert.deepEqual(h("Heading1"), ["一、备案材料清单", "二、个人信息出境标准合同", "三、承诺书", "四、个人信息保护影响评估报告"]);
    assert.ok(h("Heading2").includes("附录一　个人信息出境说明"));
    const xml = await part(out, "word/document.xml");
    assert.match(xml, /跨境营销/, "the transfer by its business scenario, not its id");
    assert.match(xml, /Singapore/);
    assert.match(xml, /营销分析/);
    assert.match(xml, /附件所列标准合同原文，不得修改/);
    const check = xborder(["report", "check", "sc-filing", EXAMPLE]);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /出境说明/);
  });

  test("sa-application and gba-filing: their sections, the facts filled, the missing parts listed", async () => {
    const sa = join(dir, "sa-app.docx");
    assert.equal(xborder(["report", "sa-application", join(ROOT, "examples/ciio-bank.yaml"), "--out", sa]).code, 0);
    const h1 = paragraphs(await part(sa, "word/document.xml"))
      .filter((p) => p.style === "Heading1")
      .map((p) => p.text);
    assert.deepEqual(h1, [
      "一、数据处理者情况",
      "二、法定代表人信息",
      "三、数据安全责任人和管理机构信息",
      "四、经办人信息",
      "五、数据处理者遵守中国法律、行政法规、部门规章情况",
      "六、数据出境场景",
      "七、申报材料",
    ]);
    const gba = join(dir, "gba.html");
    assert.equal(xborder(["report", "gba-filing", EXAMPLE, "--out", gba]).code, 0);
    const html = readFileSync(gba, "utf8");
    assert.match(html, /个人资料保护局/);
    assert.match(html, /澳門數據分析顧問有限公司/);
    assert.match(html, /2026年10月15日/, "the filing deadline from the assessment");
    const check = xborder(["report", "check", "sa-application", join(ROOT, "examples/ciio-bank.yaml")]);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /legalRepresentative/);
  });

  test("the company's statements answer the placeholders: with all of them the check passes (exit 0)", async () => {
    const { buildDocument, missing } = await import("../src/report/documents/index.js");
    const { loadDataMap } = await import("../src/engine/load.js");
    const file = fullMap();
    const map = loadDataMap(file);
    const open = missing(buildDocument("pipia", { map, asOf: map.asOf!, lang: "zh" }));
    assert.ok(open.length > 0);
    const raw = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    raw.statements = { pipia: Object.fromEntries(open.map((p) => [p.key, `公司陈述：${p.key}`])) };
    const done = join(dir, "stated.yaml");
    writeFileSync(done, stringify(raw));
    const check = xborder(["report", "check", "pipia", done]);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /nothing open/);
    const out = join(dir, "stated.html");
    assert.equal(xborder(["report", "pipia", done, "--out", out]).code, 0);
    const html = readFileSync(out, "utf8");
    assert.match(html, new RegExp(`公司陈述：${open[0]!.key}`));
    assert.match(html, /（来源：公司陈述）/);
    assert.match(html, /待完成事项（0）/);
    const partly = xborder(["report", "check", "pipia", file]);
    assert.match(partly.stdout, new RegExp(`statements\\.pipia\\.${open[0]!.key}`), "each open item names where to answer it");
  });

  test("pipia --route gba follows the GBA guideline's three points, not Annex 5", async () => {
    const out = join(dir, "gba-pipia.docx");
    assert.equal(xborder(["report", "pipia", EXAMPLE, "--route", "gba", "--out", out]).code, 0);
    const ps = paragraphs(await part(out, "word/document.xml"));
    assert.deepEqual(
      ps
        .filter((p) => p.style === "Heading2")
        .map((p) => p.text)
        .slice(1),
      [
        "（一）个人信息处理者和接收方处理个人信息的目的、方式等的合法性、正当性、必要性",
        "（二）对个人信息主体权益的影响及安全风险",
        "（三）接收方承诺承担的义务，以及履行义务的管理和技术措施、能力等能否保障跨境提供的个人信息安全",
      ],
    );
    assert.equal(xborder(["report", "self-assessment", EXAMPLE, "--route", "gba", "--out", out]).code, 2);
  });

  test("English is a working translation marked not for filing; a bad kind or output is a clear error", () => {
    const out = join(dir, "en.html");
    assert.equal(xborder(["report", "self-assessment", SA_EXAMPLE, "--out", out, "--lang", "en"]).code, 0);
    assert.match(readFileSync(out, "utf8"), /not for filing/);
    const kind = xborder(["report", "contract", EXAMPLE, "--out", out]);
    assert.equal(kind.code, 2);
    assert.match(kind.stderr, /KIND: expected one of self-assessment \| pipia/);
    const ext = xborder(["report", "pipia", EXAMPLE, "--out", join(dir, "x.txt")]);
    assert.equal(ext.code, 2);
    assert.match(ext.stderr, /--out: expected a \.docx, \.pdf or \.html file/);
  });

  test("no document holds a raw identifier from the scans it used", async () => {
    const csv = join(dir, "customers.csv");
    writeFileSync(csv, "姓名,身份证号,手机号\n张三,110101199003078515,13800138000\n李四,440305198807150023,13912345678\n");
    const scan = xborder(["scan", csv, "--format", "json"]);
    assert.equal(scan.code, 0, scan.stderr);
    const report = join(dir, "scan.json");
    writeFileSync(report, scan.stdout);
    for (const ext of ["docx", "html"]) {
      const out = join(dir, `scan.${ext}`);
      assert.equal(xborder(["report", "self-assessment", SA_EXAMPLE, "--scan", report, "--out", out]).code, 0);
      const text = ext === "docx" ? await part(out, "word/document.xml") : readFileSync(out, "utf8");
      assert.match(text, /身份证号/, "the scanned columns are the data items");
      for (const id of ["110101199003078515", "440305198807150023", "13800138000"]) assert.ok(!text.includes(id), `${ext} holds ${id}`);
      assert.match(text, /1101\*+8515/, "masked samples");
    }
  });

  const chromium = hasChromium();
  const poppler = spawnSync("pdftotext", ["-v"]).status === 0;
  test(
    "PDF: the Chinese text is embedded and extractable",
    { skip: chromium && poppler ? false : "needs chromium and pdftotext (poppler-utils)" },
    () => {
      const out = join(dir, "sa.pdf");
      assert.equal(xborder(["report", "self-assessment", fullMap(undefined, { sa: true }), "--out", out]).code, 0);
      const text = spawnSync("pdftotext", [out, "-"], { encoding: "utf8" }).stdout;
      assert.match(text, /数据出境风险自评估报告/);
      assert.match(text, /深圳市前海跨境优选电子商务有限公司/);
      assert.match(text, /一、自评估工作情况/);
      // Pages as images a person can look at (kept with the other test artifacts).
      const shots = join(ROOT, "test-artifacts", "documents");
      mkdirSync(shots, { recursive: true });
      const r = spawnSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "3", out, join(shots, "self-assessment")]);
      assert.equal(r.status, 0, String(r.stderr));
    },
  );
});
