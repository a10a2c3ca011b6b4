import type { Instrument } from "../instrument.js";

/**
 * 个人信息保护合规审计管理办法 — Measures for PI Protection Compliance Audits (CAC Order No. 18)
 * *(secondary)*: published 2025-02-14, in force 2025-05-01 (regulations.md §5). The duties are as
 * the secondary reports give them; the article numbers are from those reports too: re-check them
 * against the official text.
 */
export const PIPCA_2025 = {
  id: "PIPCA-2025",
  name: { zh: "个人信息保护合规审计管理办法", en: "Measures for the Administration of PI Protection Compliance Audits" },
  shortName: { zh: "合规审计办法", en: "PIPCA-2025" },
  issuer: { zh: "国家互联网信息办公室令第18号", en: "CAC Order No. 18" },
  published: "2025-02-14",
  inForce: "2025-05-01",
  source: "regulations.md §5 (secondary); the officer's report within 30 working days: the CAC's announcement of 2025-07-18 (secondary)",
  provisions: {
    art4: {
      cite: { instrument: "PIPCA-2025", article: 4 },
      summary: {
        zh: "处理超过1000万人个人信息的个人信息处理者，应当每两年至少开展一次个人信息保护合规审计",
        en: "A processor of PI of more than 10,000,000 people audits its PI protection compliance at least once every two years",
      },
      secondary: true,
    },
    art5: {
      cite: { instrument: "PIPCA-2025", article: 5 },
      summary: {
        zh: "保护职责部门发现存在较大风险、可能侵害众多个人权益或者发生个人信息安全事件的，可以要求个人信息处理者委托专业机构开展合规审计，处理者应当在规定时限内完成",
        en: "Where there is a major risk, many people's rights may be harmed or an incident has occurred, the authorities may order an audit by a professional body, to be completed within the time limit they set",
      },
      secondary: true,
    },
    art12: {
      cite: { instrument: "PIPCA-2025", article: 12 },
      summary: {
        zh: "处理100万人以上个人信息的个人信息处理者应当指定个人信息保护负责人",
        en: "A processor of PI of 1,000,000 people or more designates a PI protection officer",
      },
      secondary: true,
    },
    art13: {
      cite: { instrument: "PIPCA-2025", article: 13 },
      summary: {
        zh: "同一专业机构及其关联机构、同一合规审计负责人不得连续三次以上对同一审计对象开展个人信息保护合规审计",
        en: "The same professional body (or an affiliate) or audit lead may not audit the same processor three or more times in a row",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;

/**
 * The 2023 draft of those measures (seed 004): published for comment on 2023-08-03, never in force.
 * Shown beside the final measures as a proposal that is not law.
 */
export const PIPCA_DRAFT_2023 = {
  id: "PIPCA-DRAFT-2023",
  name: {
    zh: "个人信息保护合规审计管理办法（征求意见稿）",
    en: "Measures for the Administration of PI Protection Compliance Audits (draft for comment)",
  },
  issuer: { zh: "国家互联网信息办公室", en: "CAC" },
  published: "2023-08-03",
  inForce: null,
  source: "seed 004 (the draft's content); the article number as the published draft numbers it",
  provisions: {
    art4: {
      cite: { instrument: "PIPCA-DRAFT-2023", article: 4 },
      summary: {
        zh: "处理超过100万人个人信息的个人信息处理者，应当每年至少开展一次个人信息保护合规审计；其他个人信息处理者应当每两年至少开展一次",
        en: "A processor of PI of more than 1,000,000 people audits at least once a year; any other processor at least once every two years",
      },
    },
  },
} as const satisfies Instrument;
