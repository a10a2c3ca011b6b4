import type { Bound, Instrument } from "../instrument.js";

/**
 * 数据出境安全评估办法 — Measures for the Security Assessment of Outbound Data Transfers.
 * CAC Order No. 11, published 2022-07-07, in force 2022-09-01. Where it differs from CBDF-2024,
 * CBDF-2024 prevails from 2024-03-22 (CBDF-2024 Art 13). Source: regulations.md §2.
 */
export const SAM_2022 = {
  id: "SAM-2022",
  name: { zh: "数据出境安全评估办法", en: "Measures for the Security Assessment of Outbound Data Transfers" },
  shortName: { zh: "评估办法", en: "SAM-2022" },
  issuer: { zh: "国家互联网信息办公室令第11号", en: "CAC Order No. 11" },
  published: "2022-07-07",
  inForce: "2022-09-01",
  source: "regulations.md §2; CBDF-2024 Art 13 (seed 001)",
  provisions: {
    art2: {
      cite: { instrument: "SAM-2022", article: 2 },
      summary: {
        zh: "向境外提供在境内运营中收集和产生的重要数据和个人信息的安全评估，适用本办法",
        en: "The Measures govern exports of important data and PI collected or generated in the mainland",
      },
    },
    art4_1: {
      cite: { instrument: "SAM-2022", article: 4, item: 1 },
      summary: { zh: "向境外提供重要数据，应当申报安全评估", en: "Sending important data abroad requires a security assessment" },
    },
    art4_2: {
      cite: { instrument: "SAM-2022", article: 4, item: 2 },
      summary: {
        zh: "关键信息基础设施运营者和处理100万人以上个人信息的数据处理者向境外提供个人信息，应当申报安全评估",
        en: "A CIIO, or a processor that processes PI of ≥ 1,000,000 people, sending PI abroad requires a security assessment",
      },
    },
    art4_3: {
      cite: { instrument: "SAM-2022", article: 4, item: 3 },
      summary: {
        zh: "自上年1月1日起累计向境外提供10万人个人信息或者1万人敏感个人信息的数据处理者向境外提供个人信息，应当申报安全评估",
        en: "A processor that has sent, since 1 January of the previous year, PI of 100,000 people or sensitive PI of 10,000 people requires a security assessment",
      },
    },
    art5: {
      cite: { instrument: "SAM-2022", article: 5 },
      summary: {
        zh: "申报前应当开展数据出境风险自评估",
        en: "Before applying, carry out a self-assessment of the export's risks",
      },
    },
    art7: {
      cite: { instrument: "SAM-2022", article: 7 },
      summary: {
        zh: "通过所在地省级网信部门申报；省级网信部门自收到申报材料之日起5个工作日内完成完备性查验，国家网信部门自收到申报材料之日起7个工作日内确定是否受理",
        en: "Apply through the provincial CAC, which checks completeness within 5 working days of receipt; the CAC decides within 7 working days of receiving the material whether to accept it",
      },
    },
    art12: {
      cite: { instrument: "SAM-2022", article: 12 },
      summary: {
        zh: "国家网信部门自出具书面受理通知书之日起45个工作日内完成评估，情况复杂的可以适当延长",
        en: "The CAC completes the assessment within 45 working days of acceptance (extendable)",
      },
    },
    art13: {
      cite: { instrument: "SAM-2022", article: 13 },
      summary: { zh: "对评估结果有异议的，可以在15个工作日内申请复评", en: "A re-review may be requested within 15 working days" },
    },
    art14_2: {
      cite: { instrument: "SAM-2022", article: 14, paragraph: 2 },
      summary: {
        zh: "有效期内出现以下情形之一的，应当重新申报评估：（一）向境外提供数据的目的、方式、范围、种类和境外接收方处理数据的用途、方式发生变化影响出境数据安全的，或者延长个人信息和重要数据境外保存期限的；（二）境外接收方所在国家或者地区数据安全保护政策法规和网络安全环境发生变化以及发生其他不可抗力情形、数据处理者或者境外接收方实际控制权发生变化、数据处理者与境外接收方法律文件变更等影响出境数据安全的；（三）出现影响出境数据安全的其他情形",
        en: "During the result's validity, re-declare where (1) the purpose, manner, scope or types of data sent, or the recipient's use or manner of processing, change in a way that affects the security of the exported data, or the retention of PI or important data abroad is extended; (2) the recipient country's data-protection law or network environment changes, force majeure occurs, actual control of the processor or the recipient changes, or their legal documents change, in a way that affects security; (3) anything else affects the security of the exported data",
      },
    },
    art14: {
      cite: { instrument: "SAM-2022", article: 14 },
      summary: {
        zh: "评估结果有效期2年，自评估结果出具之日起计算；届满需要继续出境的，应当在有效期届满60个工作日前重新申报",
        en: "An assessment result is valid 2 years from issue; to continue, re-apply 60 working days before expiry",
      },
    },
  },
} as const satisfies Instrument;

/** SAM-2022 Art 4: counted since 1 January of the previous year. */
export const SAM_2022_BANDS = {
  /** Art 4(2): 处理100万人以上个人信息 (total processed, not sent) */
  processedGeneral: { atLeast: 1_000_000 },
  /** Art 4(3): 累计向境外提供10万人个人信息 */
  sentGeneral: { atLeast: 100_000 },
  /** Art 4(3): 1万人敏感个人信息 */
  sentSensitive: { atLeast: 10_000 },
} as const satisfies Record<string, Bound>;
