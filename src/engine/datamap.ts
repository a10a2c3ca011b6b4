/**
 * The data map (../shared/contracts/README.md §1): one data processor (数据处理者) and its
 * outbound transfers. Validation names the field path of every problem; unknown fields are
 * kept and ignored.
 */
import { z } from "zod";
import { isIsoDate } from "../calendar/date.js";

export const SENSITIVE_CATEGORIES = [
  "biometric", // 生物识别
  "religious_belief", // 宗教信仰
  "specific_identity", // 特定身份
  "medical_health", // 医疗健康
  "financial_account", // 金融账户
  "location_tracking", // 行踪轨迹
  "minor_under_14", // 不满十四周岁未成年人
  "other_sensitive",
] as const;

export const PURPOSES = [
  "international_trade", // 国际贸易
  "cross_border_transport", // 跨境运输
  "academic_cooperation", // 学术合作
  "multinational_manufacturing", // 跨国生产制造
  "marketing", // 市场营销
  "contract_with_individual", // 订立、履行个人作为一方当事人的合同
  "cross_border_hr", // 跨境人力资源管理
  "emergency", // 紧急情况下保护自然人的生命健康和财产安全
  "other",
] as const;

export const FILING_TYPES = ["standard_contract", "gba_standard_contract", "security_assessment"] as const;

type ErrorFn = (issue: { input?: unknown }) => string;
const expect =
  (what: string): ErrorFn =>
  (issue) =>
    issue.input === undefined ? "required" : `expected ${what}`;

const whole = z
  .number({ error: expect("a whole number ≥ 0") })
  .int({ error: "expected a whole number ≥ 0" })
  .min(0, { error: "expected a whole number ≥ 0" });
const flag = z.boolean({ error: expect("true or false") });
const text = z.string({ error: expect("text") });
const id = text.min(1, { error: "expected a non-empty id" });
const isoDate = text.refine(isIsoDate, { error: "expected a date YYYY-MM-DD" });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined ? "required" : `expected one of ${values.join(" | ")}, got ${JSON.stringify(issue.input)}`,
  });

/** GB/T 2260 division code: six digits, a real province prefix. */
const PROVINCES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
]);
export const isMainlandCode = (s: string) => /^\d{6}$/.test(s) && PROVINCES.has(s.slice(0, 2));
const gbCode = text.refine(isMainlandCode, { error: "expected a 6-digit GB/T 2260 division code such as 440300" });
const regionCode = text.refine((s) => /^[A-Z]{2}$/.test(s) || isMainlandCode(s), {
  error: 'expected an ISO 3166-1 alpha-2 code such as "US", "HK", "MO", or a 6-digit GB/T 2260 code',
});

const persons = z.object({ general: whole.default(0), sensitive: whole.default(0) }, { error: expect("an object") }).loose();

export const DataMapSchema = z
  .object(
    {
      xborder: z.literal(1, { error: (i) => (i.input === undefined ? "required (the format version, 1)" : "expected 1") }),
      asOf: isoDate.optional(),
      processor: z
        .object(
          {
            name: text.default(""),
            region: gbCode.optional(),
            ciio: flag.default(false),
            ftz: text.nullable().default(null),
            personsProcessed: whole.optional(),
            cumulative: persons.optional(),
          },
          { error: expect("an object") },
        )
        .loose(),
      recipients: z
        .array(
          z
            .object(
              {
                id,
                name: text.default(""),
                region: regionCode,
                kind: oneOf(["organization", "individual"]).default("organization"),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
      datasets: z
        .array(
          z
            .object(
              {
                id,
                // Absent means "may contain PI": the safe reading for a compliance tool.
                personalInformation: flag.default(true),
                sensitive: z.array(oneOf(SENSITIVE_CATEGORIES), { error: expect("a list") }).default([]),
                importantData: flag.default(false),
                coreData: flag.default(false),
                collectedAbroad: flag.default(false),
                domesticDataIntroduced: flag.default(false),
                inNegativeList: flag.default(false),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
      transfers: z
        .array(
          z
            .object(
              {
                id,
                dataset: id,
                recipient: id,
                purpose: oneOf(PURPOSES).default("other"),
                // 确需. Absent is read as true for the purpose exemptions, and the explanation says so.
                necessary: flag.optional(),
                onwardOutsideGBA: flag.default(false),
                persons: persons.default({ general: 0, sensitive: 0 }),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
      filings: z
        .array(
          z
            .object(
              {
                type: oneOf(FILING_TYPES),
                transfer: id,
                effectiveDate: isoDate.optional(),
                resultDate: isoDate.optional(),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
    },
    { error: expect("a data map (an object)") },
  )
  .loose();

export type DataMap = z.infer<typeof DataMapSchema>;
export type Processor = DataMap["processor"];
export type Recipient = DataMap["recipients"][number];
export type Dataset = DataMap["datasets"][number];
export type Transfer = DataMap["transfers"][number];
export type Filing = DataMap["filings"][number];
export type Purpose = (typeof PURPOSES)[number];
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** One problem in the input, located by its field path (e.g. `transfers[1].persons.general`). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export function formatPath(path: readonly (string | number | symbol)[]): string {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s || "(top level)";
}

export interface FieldIssueAt extends FieldIssue {
  /** 1-based line in the file, where known. */
  line?: number;
}

export class DataMapError extends Error {
  constructor(
    readonly issues: FieldIssueAt[],
    readonly file?: string,
  ) {
    const where = (i: FieldIssueAt) => (file ? `${file}${i.line ? `:${i.line}` : ""}: ` : "");
    super(issues.map((i) => `${where(i)}${formatPath(i.path)}: ${i.message}`).join("\n"));
    this.name = "DataMapError";
  }
}

/** Cross-field checks zod cannot express: unique ids, references, filing dates. */
function checkReferences(map: DataMap): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const unique = (list: { id: string }[], name: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) issues.push({ path: [name, i, "id"], message: `duplicate id ${JSON.stringify(x.id)}` });
      seen.add(x.id);
    });
    return seen;
  };
  const recipients = unique(map.recipients, "recipients");
  const datasets = unique(map.datasets, "datasets");
  const transfers = unique(map.transfers, "transfers");
  map.transfers.forEach((t, i) => {
    if (!datasets.has(t.dataset))
      issues.push({ path: ["transfers", i, "dataset"], message: `no dataset with id ${JSON.stringify(t.dataset)}` });
    if (!recipients.has(t.recipient))
      issues.push({ path: ["transfers", i, "recipient"], message: `no recipient with id ${JSON.stringify(t.recipient)}` });
  });
  map.filings.forEach((f, i) => {
    if (!transfers.has(f.transfer))
      issues.push({ path: ["filings", i, "transfer"], message: `no transfer with id ${JSON.stringify(f.transfer)}` });
    if (f.type === "security_assessment" && f.resultDate === undefined)
      issues.push({ path: ["filings", i, "resultDate"], message: "required for a security_assessment filing" });
    if (f.type !== "security_assessment" && f.effectiveDate === undefined)
      issues.push({ path: ["filings", i, "effectiveDate"], message: `required for a ${f.type} filing` });
  });
  return issues;
}

/** Validate a parsed document; throws DataMapError naming every bad field. */
export function validateDataMap(input: unknown): DataMap {
  const r = DataMapSchema.safeParse(input);
  if (!r.success) {
    throw new DataMapError(
      r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })),
    );
  }
  const issues = checkReferences(r.data);
  if (issues.length) throw new DataMapError(issues);
  return r.data;
}
