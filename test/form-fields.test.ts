/** The data map's forms write back into the saved text: fields set and cleared, rows added and removed, comments kept. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { parseDataMap } from "../src/engine/load.js";
import { DOC_END, DOC_START, FIELD_WORDS, fieldLabelsMarkdown } from "../src/server/field-labels.js";
import { fieldMessage } from "../src/server/field-messages.js";
import { applyForm, FIELDS, SECTIONS } from "../src/server/form-fields.js";
import { ROOT } from "./helpers.js";

const EXAMPLE = readFileSync(join(ROOT, "examples/shenzhen-ecommerce.yaml"), "utf8");

/** The form a browser would send for the section as it stands. */
function formOf(section: "recipients" | "transfers", text: string): Record<string, string | string[]> {
  const map = parseDataMap(text);
  const out: Record<string, string | string[]> = {};
  (map[section] as unknown as Record<string, unknown>[]).forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) {
      if (v && typeof v === "object" && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) out[`${i}.${k}.${k2}`] = String(v2);
      else if (Array.isArray(v)) out[`${i}.${k}`] = v.map(String);
      else out[`${i}.${k}`] = String(v);
    }
  });
  return out;
}

describe("the data map as forms", () => {
  test("a changed field is written, a cleared optional field removed, comments kept", () => {
    const form = formOf("transfers", EXAMPLE);
    form["1.persons.general"] = "70000";
    form["1.storagePlace"] = "Singapore";
    const text = applyForm(EXAMPLE, "transfers", form);
    const map = parseDataMap(text);
    assert.equal(map.transfers[1]?.persons.general, 70000);
    assert.equal(map.transfers[1]?.storagePlace, "Singapore");
    assert.ok(text.split("\n").filter((l) => l.startsWith("#")).length >= EXAMPLE.split("\n").filter((l) => l.startsWith("#")).length);
    const cleared = applyForm(text, "transfers", { ...formOf("transfers", text), "1.storagePlace": "" });
    assert.equal(parseDataMap(cleared).transfers[1]?.storagePlace, undefined);
  });
  test("the row after the last is added when filled; a row marked for removal goes", () => {
    const rows = parseDataMap(EXAMPLE).recipients.length;
    const added = applyForm(EXAMPLE, "recipients", { ...formOf("recipients", EXAMPLE), [`${rows}.id`]: "jp", [`${rows}.region`]: "JP" });
    assert.deepEqual(parseDataMap(added).recipients.at(-1), { id: "jp", name: "", region: "JP", kind: "organization" });
    const unchanged = applyForm(EXAMPLE, "recipients", formOf("recipients", EXAMPLE));
    assert.equal(parseDataMap(unchanged).recipients.length, rows, "an empty new row adds nothing");
    const removed = applyForm(added, "recipients", { ...formOf("recipients", added), [`${rows}._remove`]: "1" });
    assert.equal(parseDataMap(removed).recipients.length, rows);
  });
  test("a wrong value is kept as typed, for the validation to name its field", () => {
    const text = applyForm(EXAMPLE, "transfers", { ...formOf("transfers", EXAMPLE), "0.persons.general": "-5" });
    assert.throws(() => parseDataMap(text), /transfers\[0\]\.persons\.general: expected a whole number/);
  });
});

describe("the forms' labels and help texts", () => {
  test("every form field has a Chinese and an English label and help line, and nothing else has", () => {
    const fields = SECTIONS.flatMap((s) => FIELDS[s].map((f) => `${s}.${f.name}`));
    assert.deepEqual(
      fields.filter((k) => !FIELD_WORDS[k]?.label.zh || !FIELD_WORDS[k]?.label.en || !FIELD_WORDS[k]?.help.zh || !FIELD_WORDS[k]?.help.en),
      [],
    );
    assert.deepEqual(
      Object.keys(FIELD_WORDS).filter((k) => !fields.includes(k)),
      [],
    );
  });
  test("docs/data-map.md carries the same labels (npm run docs:update writes them)", () => {
    const doc = readFileSync(join(ROOT, "docs/data-map.md"), "utf8");
    const block = doc.slice(doc.indexOf(DOC_START) + DOC_START.length, doc.indexOf(DOC_END)).trim();
    assert.equal(block, fieldLabelsMarkdown());
    assert.match(block, /`transfers\.purpose` — 出境目的：/);
  });
  test("every enum field names its values (the option's value stays the code)", () => {
    for (const s of SECTIONS)
      for (const f of FIELDS[s].filter((x) => x.kind === "enum" || x.kind === "multi"))
        assert.deepEqual(
          (f.values ?? []).filter((v) => !f.names?.[v]?.zh),
          [],
          `${s}.${f.name}`,
        );
  });
});

describe("validation messages in the interface's language", () => {
  test("each known message in Chinese, an unknown one as it is, English untouched", () => {
    assert.equal(fieldMessage("expected a whole number ≥ 0", "zh"), "应为不小于0的整数");
    assert.equal(fieldMessage('no recipient with id "jp"', "zh"), '没有编号为 "jp" 的境外接收方');
    assert.equal(fieldMessage("2026-01-01 is before filedDate 2026-02-01", "zh"), "2026-01-01 早于 filedDate 2026-02-01");
    assert.equal(fieldMessage("something new", "zh"), "something new");
    assert.equal(fieldMessage("expected a whole number ≥ 0", "en"), "expected a whole number ≥ 0");
  });
  test("the validation's own message for a wrong number is one it knows", () => {
    const text = applyForm(EXAMPLE, "transfers", { ...formOf("transfers", EXAMPLE), "0.persons.general": "-5" });
    const message = (() => {
      try {
        parseDataMap(text);
      } catch (e) {
        return (e as Error).message.split(": ").at(-1)!;
      }
      return "";
    })();
    assert.notEqual(fieldMessage(message, "zh"), message);
  });
});
