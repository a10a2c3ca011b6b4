/**
 * docs/rules.md states each reading the engine takes and what it deliberately leaves out (issue 28):
 * a reader who has only the page must find the condition, the article and the scope note.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { ROOT } from "./helpers.js";

const doc = readFileSync(`${ROOT}docs/rules.md`, "utf8").replace(/\s+/g, " ");

describe("docs/rules.md states each reading", () => {
  const readings: [string, RegExp[]][] = [
    [
      "SAM-2022 Art 14 para 2: re-declare only if the change affects security; storage place under item (3)",
      [
        /if the change affects the security of the exported data \(SAM-2022 Art 14\(2\)\(1\)\/\(3\)\)/,
        /storage place is not in item \(1\)/,
      ],
    ],
    [
      "PIPL Art 55: no PIPIA for important data without PI; CBDF-2024 Art 7, SAM-2022 Art 5 instead",
      [/PIPL Art 55 and CBDF-2024 Art 10 concern PI only/],
    ],
    ["GBA: a CIIO is not told the contract is also available", [/"is also available" is left out wherever the route is not offered/]],
    ["Q&A Q15: offline filing is a direction", [/a direction, not an option/]],
    ["PIPCA-DRAFT-2023: dates without a status", [/shown without a status/]],
    ["the Tianjin FTZ standard: the zone's; a reference for others in Tianjin", [/`ftz: tianjin`/, /reference only/]],
    ["zh citations: 第二项, 第二项至第七项", [/第五条第一款第四项 and 第二项至第七项/]],
    [
      "CBDF-2024 Art 11 and PIPL Art 57: notice to individuals with its exception",
      [/effectively avoid harm/, /CBDF-2024 Art 11 asks no notice to individuals/],
    ],
    [
      "SCM-2023 Art 8: more people, no band crossed: review",
      [/`review` consequence/, /"范围" \(scope\) covers the number of people is unsettled/],
    ],
    ["SAM-2022 Art 14 para 2 (2): force majeure and actual control; `control`", [/force majeure, a change of actual control/, /`control`/]],
    [
      "GENAI-2023 Art 17: the security assessment; the filed model shown by its user",
      [/generative-AI security assessment/, /the user of a filed model's duty/],
    ],
    ["CBDF-2024 Art 2 in the register", [/standing duty in the register/]],
    [
      "GBA-MO-2024 Art 8: as the processor's local law requires",
      [/the filing and the statutory notices as the processor's local law requires \(Art 8\)/],
    ],
    [
      "the calendar in unpublished years (regulations.md §0 as amended)",
      [/2027-09-30 is 2027-07-07/, /before 2031-02-28 it is 2030-12-02/],
    ],
  ];
  for (const [name, patterns] of readings) {
    test(name, () => {
      for (const p of patterns) assert.match(doc, p);
    });
  }
});

describe("docs/rules.md's scope notes: what is deliberately not encoded", () => {
  for (const [name, p] of [
    ["labelling of AI-generated content (DS-2022, GENAI-2023)", /\*\*Labelling of AI-generated content\*\*/],
    ["the Lingang data cross-border service centre", /\*\*The Lingang data cross-border service centre\*\*/],
    ["the State Post Bureau's draft on couriers' user data", /\*\*The draft rule on couriers' user data\*\*/],
  ] as const) {
    test(name, () => assert.match(doc, p));
  }
});
