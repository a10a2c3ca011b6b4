/**
 * The data map (docs/data-map.md): one data processor (数据处理者) and its
 * outbound transfers. Validation names the field path of every problem; unknown fields are
 * kept and ignored.
 */
import { z } from "zod";
import { isIsoDate } from "../calendar/date.js";
import { formatPath } from "../text/field-path.js";

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

/** Whose PI a dataset holds (also a filing's "categories of data subjects"). */
export const SUBJECTS = ["customers", "users", "employees", "patients", "students", "minors", "other"] as const;

/**
 * PIPL Art 13(1): the lawful basis of the processing. Only `consent` (item 1) needs consent;
 * items 2–7 do not (Art 13 para 2).
 */
export const LAWFUL_BASES = [
  "consent", // (一) 取得个人的同意
  "contract", // (二) 为订立、履行个人作为一方当事人的合同所必需
  "hr", // (二) 按照依法制定的劳动规章制度和依法签订的集体合同实施人力资源管理所必需
  "legal_duty", // (三) 为履行法定职责或者法定义务所必需
  "emergency", // (四) 为应对突发公共卫生事件，或者紧急情况下为保护自然人的生命健康和财产安全所必需
  "news_reporting", // (五) 为公共利益实施新闻报道、舆论监督等行为，在合理的范围内处理个人信息
  "public_information", // (六) 在合理的范围内处理个人自行公开或者其他已经合法公开的个人信息
] as const;

/**
 * The processor's or the transfer's sector, where a rule depends on it: the Mainland–Hong Kong
 * GBA contract's pilot (banking, credit referencing, healthcare: 2023-12-13 to 2024-10-31).
 */
export const SECTORS = ["banking", "credit_referencing", "healthcare", "insurance", "securities", "other"] as const;

/**
 * How the data leaves (the filing guide treats data kept in the mainland but accessible from abroad
 * as an export too): a change of it, during a contract's term, sets off a redo (SCM-2023 Art 8).
 */
export const MANNERS = ["transmitted", "stored_abroad", "accessible_from_abroad"] as const;

/**
 * What a recorded change altered (the SCM-2023 Art 8 list; the GBA guidelines' Art 8 and SAM-2022
 * Art 14 para 2 have the same kinds, and SAM-2022 Art 14 para 2 (2) adds `control`: a change of
 * actual control of the processor or the recipient): a change during a contract's term or an
 * assessment's validity sets off a redo (xborder obligations), on the condition its article attaches.
 */
export const CHANGE_KINDS = [
  "purpose",
  "scope",
  "types",
  "sensitivity",
  "manner",
  "storage_place",
  "recipient_use",
  "retention",
  "recipient_law",
  "control",
  "other",
] as const;

/**
 * A service whose filing the obligations register follows: algorithm recommendation (算法备案),
 * deep synthesis (深度合成), generative AI (生成式人工智能), a mobile App (App备案), and an information
 * system under the multi-level protection scheme (等级保护).
 */
export const SERVICE_KINDS = ["algorithm", "deep_synthesis", "generative_ai", "app", "information_system"] as const;

/**
 * The six points a contract with the recipient settles (SAM-2022 Art 9): purpose, manner and scope;
 * storage place and period abroad and what happens at the end; limits on onward transfer; measures
 * on a change of control or of the legal environment; remedies, liability and disputes; incident
 * response and the individuals' channels.
 */
export const CONTRACT_CLAUSES = [
  "purpose_scope",
  "storage_abroad",
  "onward_transfer",
  "change_of_control",
  "remedies",
  "incidents",
] as const;

/** The outcome of a security assessment (default passed: a result date with no outcome is a passed result). */
export const OUTCOMES = ["passed", "refused"] as const;

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

/** A person the filing documents name (the company's own officers, not data subjects). */
const contact = z
  .object({ name: text, title: text.optional(), phone: text.optional(), email: text.optional() }, { error: expect("an object") })
  .loose();

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
            // The zone's own procedure for using its list is done (e.g. Beijing's filing with its FTZ cluster).
            ftzListFiled: flag.optional(),
            sector: oneOf(SECTORS).optional(),
            personsProcessed: whole.optional(),
            cumulative: persons.optional(),
            // The obligations register: the day PI of more than 10,000,000 people was first processed (the
            // PIPCA-2025 audit cadence starts then, or on 2025-05-01 if later).
            overTenMillionSince: isoDate.optional(),
            // 个人信息保护负责人 (PIPL Art 52): the day 1,000,000 people was reached, designation, report to the CAC.
            protectionOfficer: z
              .object(
                { reachedDate: isoDate.optional(), designated: flag.optional(), reportedDate: isoDate.optional() },
                { error: expect("an object") },
              )
              .loose()
              .optional(),
            // 网络数据安全负责人和管理机构 (NDSR Art 30), for important data or PI of 10,000,000 people or more.
            dataSecurityOfficer: flag.optional(),
            // The filing documents (xborder report): who signs and who answers for data security.
            legalRepresentative: text.optional(),
            // 住所 / 办公地址 as the filing writes it (the division code gives the place: 深圳市南山区).
            address: text.optional(),
            dataSecurityContact: contact.optional(),
            filingAgent: contact.optional(),
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
                subjects: z.array(oneOf(SUBJECTS), { error: expect("a list") }).optional(),
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
                // The purpose in the company's words (附录一 处理目的); the enum alone prints as its name.
                purposeText: text.optional(),
                // 确需. Absent is read as false: an exemption that needs it does not apply, and the
                // explanation names the missing field (regulations.md §0).
                necessary: flag.optional(),
                // Art 5(1)(2): labour rules made according to law, a collective contract signed according to law.
                labourRules: flag.optional(),
                collectiveContract: flag.optional(),
                lawfulBasis: oneOf(LAWFUL_BASES).default("consent"),
                // The transfer's sector and scenario are ones its zone's (scenario) list covers.
                ftzCovered: flag.optional(),
                sector: oneOf(SECTORS).optional(),
                // What a change sets off (xborder diff): manner, storage place, the recipient's use, retention abroad.
                manner: oneOf(MANNERS).optional(),
                storagePlace: text.optional(),
                recipientUse: text.optional(),
                retentionAbroad: whole.optional(),
                // The filing documents: where the data is kept in the mainland, who else abroad receives it, and
                // which of the six points of SAM-2022 Art 9 the contract with the recipient settles.
                storageSystems: text.optional(),
                onwardRecipients: z.array(text, { error: expect("a list") }).optional(),
                contractClauses: z.array(oneOf(CONTRACT_CLAUSES), { error: expect("a list") }).optional(),
                // The obligations register: when the transfer started (or will), its PIPIA's date, notice and consent done.
                startDate: isoDate.optional(),
                pipiaDate: isoDate.optional(),
                noticeGiven: flag.optional(),
                consentObtained: flag.optional(),
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
                // Security assessments under way: the SAM-2022 review clocks (Arts 7, 12, 13).
                submittedDate: isoDate.optional(),
                acceptedDate: isoDate.optional(),
                outcome: oneOf(OUTCOMES).optional(),
                // The day the filing was made (a standard contract's filing is then done) and the last day
                // of a contract's term (a change after it no longer reopens that contract).
                filedDate: isoDate.optional(),
                endDate: isoDate.optional(),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
      // The obligations register's facts (xborder obligations); each list is optional.
      audits: z
        .array(
          z
            .object(
              {
                // regular: the processor's own (PIPL Art 54); ordered: one the authorities required (Art 64)
                kind: oneOf(["regular", "ordered"] as const).default("regular"),
                date: isoDate.optional(),
                firm: text.optional(),
                orderedDate: isoDate.optional(),
                deadline: isoDate.optional(),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
      // The filing documents: what only the company can write, by document and placeholder key
      // (xborder report shows each placeholder's key): statements.pipia.<key>: text.
      statements: z
        .record(z.string(), z.record(z.string(), text, { error: expect("an object of texts") }), { error: expect("an object") })
        .optional(),
      // The filing documents: business scenarios (出境场景) and their data items (数据项).
      scenarios: z
        .array(
          z
            .object(
              {
                id,
                name: text,
                transfers: z.array(id, { error: expect("a list") }).default([]),
                items: z
                  .array(
                    z
                      .object(
                        {
                          name: text,
                          description: text.optional(),
                          necessity: text.optional(),
                          example: text.optional(),
                          note: text.optional(),
                        },
                        { error: expect("an object") },
                      )
                      .loose(),
                    { error: expect("a list") },
                  )
                  .default([]),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
      riskAssessments: z
        .array(z.object({ date: isoDate }, { error: expect("an object") }).loose(), { error: expect("a list") })
        .default([]),
      services: z
        .array(
          z
            .object(
              {
                id,
                kind: oneOf(SERVICE_KINDS),
                name: text.optional(),
                // 具有舆论属性或者社会动员能力
                publicOpinion: flag.optional(),
                launchDate: isoDate.optional(),
                filingNumber: text.optional(),
                filedDate: isoDate.optional(),
                // The filing number is shown where the service is offered (ALGO-2021 Art 26; GENAI-2023 Art 17)
                numberShown: flag.optional(),
                // generative_ai: the day the security assessment of GENAI-2023 Art 17 was done
                securityAssessedDate: isoDate.optional(),
                // A filed generative-AI model the service uses: its name and filing number, and whether they are shown
                // (the CAC's announcement of filed generative-AI services)
                model: z
                  .object({ name: text, filingNumber: text, shown: flag.optional() }, { error: expect("an object") })
                  .loose()
                  .optional(),
                // information_system: the protection level (1–5), the day it was determined, the last test
                level: whole.min(1, { error: "expected a level 1–5" }).max(5, { error: "expected a level 1–5" }).optional(),
                levelDate: isoDate.optional(),
                lastTestDate: isoDate.optional(),
              },
              { error: expect("an object") },
            )
            .loose(),
          { error: expect("a list") },
        )
        .default([]),
      changes: z
        .array(
          z
            .object(
              {
                date: isoDate,
                transfer: id,
                what: z.array(oneOf(CHANGE_KINDS), { error: expect("a list") }).min(1, { error: "expected at least one kind" }),
                redoneDate: isoDate.optional(),
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
export type LawfulBasis = (typeof LAWFUL_BASES)[number];
export type Sector = (typeof SECTORS)[number];
export type Service = DataMap["services"][number];
export type RecordedChange = DataMap["changes"][number];
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One problem in the input, located by its field path (e.g. `transfers[1].persons.general`). */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export { formatPath };

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
    if (f.type === "security_assessment" && f.resultDate === undefined && f.submittedDate === undefined && f.acceptedDate === undefined)
      issues.push({
        path: ["filings", i, "resultDate"],
        message: "required for a security_assessment filing (or submittedDate / acceptedDate for one under review)",
      });
    if (f.type === "security_assessment" && f.outcome !== undefined && f.resultDate === undefined)
      issues.push({ path: ["filings", i, "resultDate"], message: "required with outcome" });
    const order: [string, string | undefined][] = [
      ["submittedDate", f.submittedDate],
      ["acceptedDate", f.acceptedDate],
      ["resultDate", f.type === "security_assessment" ? f.resultDate : undefined],
    ];
    const given = order.filter((x): x is [string, string] => x[1] !== undefined);
    for (let k = 1; k < given.length; k++) {
      const [prevName, prev] = given[k - 1]!;
      const [name, d] = given[k]!;
      if (d < prev) issues.push({ path: ["filings", i, name], message: `${d} is before ${prevName} ${prev}` });
    }
    if (f.endDate !== undefined && f.effectiveDate !== undefined && f.endDate < f.effectiveDate)
      issues.push({ path: ["filings", i, "endDate"], message: `${f.endDate} is before effectiveDate ${f.effectiveDate}` });
    if (f.type !== "security_assessment" && f.effectiveDate === undefined)
      issues.push({ path: ["filings", i, "effectiveDate"], message: `required for a ${f.type} filing` });
  });
  unique(map.services, "services");
  unique(map.scenarios, "scenarios");
  map.scenarios.forEach((sc, i) =>
    sc.transfers.forEach((t, k) => {
      if (!transfers.has(t)) issues.push({ path: ["scenarios", i, "transfers", k], message: `no transfer with id ${JSON.stringify(t)}` });
    }),
  );
  map.changes.forEach((c, i) => {
    if (!transfers.has(c.transfer))
      issues.push({ path: ["changes", i, "transfer"], message: `no transfer with id ${JSON.stringify(c.transfer)}` });
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
