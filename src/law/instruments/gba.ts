import type { Instrument } from "../instrument.js";

/**
 * The nine mainland cities of the Greater Bay Area (GBA-MO-2024 Art 2 para 2), by the first
 * four digits of their GB/T 2260 code, so a county code within a city matches too.
 */
export const GBA_MAINLAND_CITIES: Readonly<Record<string, { zh: string; en: string }>> = {
  "4401": { zh: "广州市", en: "Guangzhou" },
  "4403": { zh: "深圳市", en: "Shenzhen" },
  "4404": { zh: "珠海市", en: "Zhuhai" },
  "4406": { zh: "佛山市", en: "Foshan" },
  "4407": { zh: "江门市", en: "Jiangmen" },
  "4412": { zh: "肇庆市", en: "Zhaoqing" },
  "4413": { zh: "惠州市", en: "Huizhou" },
  "4419": { zh: "东莞市", en: "Dongguan" },
  "4420": { zh: "中山市", en: "Zhongshan" },
};

/**
 * 粤港澳大湾区（内地、澳门）个人信息跨境流动标准合同实施指引.
 * CAC, DSEDT and GPDP Announcement 2024 No. 1, published and in force 2024-09-10 (Art 14).
 * Text: the guideline as published by the CAC on 2024-09-10.
 */
export const GBA_MO_2024 = {
  id: "GBA-MO-2024",
  name: {
    zh: "粤港澳大湾区（内地、澳门）个人信息跨境流动标准合同实施指引",
    en: "Implementation Guidelines on the GBA (Mainland, Macao) Standard Contract for Cross-boundary Flows of PI",
  },
  shortName: { zh: "大湾区（内地、澳门）指引", en: "GBA-MO-2024" },
  issuer: { zh: "国家互联网信息办公室、澳门经济及科技发展局、澳门个人资料保护局", en: "CAC, Macao DSEDT and GPDP" },
  published: "2024-09-10",
  inForce: "2024-09-10",
  source: "seed 000 (full text)",
  provisions: {
    art2: {
      cite: { instrument: "GBA-MO-2024", article: 2 },
      summary: {
        zh: "注册于（组织）/位于（个人）大湾区内地九市或者澳门的处理者及接收方可以订立标准合同；被告知或者公开发布为重要数据的个人信息除外",
        en: "Parties registered (organisations) or located (individuals) in the nine mainland GBA cities or Macao may use the contract; not for PI notified as important data",
      },
    },
    art4: {
      cite: { instrument: "GBA-MO-2024", article: 4 },
      summary: {
        zh: "通过订立标准合同跨境提供个人信息的，应当履行标准合同列明的义务和责任，包括：按照属地法律法规告知或者取得同意；不得向粤港澳大湾区以外的组织、个人提供",
        en: "Parties to the contract perform its duties, including notice or consent under the processor's local law and no onward transfer outside the GBA",
      },
    },
    art4_1: {
      cite: { instrument: "GBA-MO-2024", article: 4, item: 1 },
      summary: {
        zh: "个人信息处理者跨境提供个人信息前，应当按照个人信息处理者属地法律法规要求告知个人信息主体或者取得个人信息主体的同意",
        en: "Before the transfer, the processor gives notice to, or obtains the consent of, the individuals as the processor's local law requires",
      },
    },
    art4_2: {
      cite: { instrument: "GBA-MO-2024", article: 4, item: 2 },
      summary: {
        zh: "不得向粤港澳大湾区以外的组织、个人提供",
        en: "The PI may not be provided to organisations or individuals outside the GBA",
      },
    },
    art5: {
      cite: { instrument: "GBA-MO-2024", article: 5 },
      summary: {
        zh: "跨境提供前应当开展个人信息保护影响评估，重点评估：处理目的、方式等的合法性、正当性、必要性；对个人信息主体权益的影响及安全风险；接收方承诺承担的义务及其管理和技术措施、能力能否保障安全",
        en: "Carry out a PIPIA before the transfer, focused on: the lawfulness, legitimacy and necessity of both parties' purposes and manner; the impact on individuals' rights and the security risks; whether the recipient's undertakings, measures and capability keep the PI secure",
      },
    },
    art6: {
      cite: { instrument: "GBA-MO-2024", article: 6 },
      summary: { zh: "严格按照附件订立标准合同，合同生效后方可开展跨境提供", en: "Use the template; transfers start once it takes effect" },
    },
    art7: {
      cite: { instrument: "GBA-MO-2024", article: 7 },
      summary: {
        zh: "个人信息处理者及接收方应在标准合同生效之日起10个工作日内按照属地向广东省互联网信息办公室或者澳门特别行政区政府个人资料保护局备案，提交承诺书、标准合同和属地监管机构要求的其他材料",
        en: "Both the processor and the recipient file within 10 working days after the contract takes effect, each with its own regulator (the Guangdong CAC, or Macao's Personal Data Protection Bureau): an undertaking, the contract, and anything that regulator asks for",
      },
    },
    art8: {
      cite: { instrument: "GBA-MO-2024", article: 8 },
      summary: {
        zh: "跨境提供个人信息的目的、范围、种类、方式，或者接收方处理个人信息的用途、方式发生变化，延长保存期限，以及发生影响或者可能影响个人信息权益其他情况的，个人信息处理者应当重新开展个人信息保护影响评估，补充或者重新订立标准合同，并按照个人信息处理者属地法律法规要求履行备案手续和法定通知义务",
        en: "A change of the transfer's purpose, scope, type or manner, or of the recipient's use or manner of processing, a longer retention, or anything else that affects or may affect individuals' rights means a new PIPIA, a supplemented or new contract, and the filing and the statutory notices as the processor's local law requires",
      },
    },
  },
} as const satisfies Instrument;

/**
 * 粤港澳大湾区（内地、香港）个人信息跨境流动标准合同实施指引. Published and in force 2023-12-13,
 * first for pilot sectors, for all sectors from 2024-11-01 (secondary). Its articles mirror the
 * Macao guideline (secondary): keep these easy to find and correct.
 */
export const GBA_HK_2023 = {
  id: "GBA-HK-2023",
  name: {
    zh: "粤港澳大湾区（内地、香港）个人信息跨境流动标准合同实施指引",
    en: "Implementation Guidelines on the GBA (Mainland, Hong Kong) Standard Contract for Cross-boundary Flows of PI",
  },
  shortName: { zh: "大湾区（内地、香港）指引", en: "GBA-HK-2023" },
  issuer: { zh: "国家互联网信息办公室、香港创新科技及工业局", en: "CAC and Hong Kong ITIB" },
  published: "2023-12-13",
  /**
   * In force on publication, first as an "early and pilot implementation" for the banking,
   * credit-referencing and healthcare sectors; open to all sectors from GBA_HK_ALL_SECTORS_FROM
   * (HKSAR government press releases of 2023-12-13 and 2024-11-01, secondary).
   */
  inForce: "2023-12-13",
  source: "secondary reports of the official text",
  provisions: {
    art2: {
      cite: { instrument: "GBA-HK-2023", article: 2 },
      summary: {
        zh: "注册于（组织）/位于（个人）大湾区内地九市或者香港的处理者及接收方可以订立标准合同；重要数据除外",
        en: "Parties in the nine mainland GBA cities or Hong Kong may use the contract; not for PI notified as important data",
      },
      secondary: true,
    },
    art4_1: {
      cite: { instrument: "GBA-HK-2023", article: 4, item: 1 },
      summary: {
        zh: "个人信息处理者跨境提供个人信息前，应当按照属地法律法规要求告知个人信息主体或者取得其同意",
        en: "Before the transfer, the processor gives notice to, or obtains the consent of, the individuals as its local law requires",
      },
      secondary: true,
    },
    art4_2: {
      cite: { instrument: "GBA-HK-2023", article: 4, item: 2 },
      summary: {
        zh: "不得向粤港澳大湾区以外的组织、个人提供",
        en: "The PI may not be provided to organisations or individuals outside the GBA",
      },
      secondary: true,
    },
    art5: {
      cite: { instrument: "GBA-HK-2023", article: 5 },
      summary: {
        zh: "跨境提供前应当开展个人信息保护影响评估，重点评估处理目的、方式的合法性、正当性、必要性，对个人信息主体权益的影响及安全风险，以及接收方的义务、措施和能力",
        en: "Carry out a PIPIA before the transfer, focused on lawfulness, legitimacy and necessity; the impact on individuals' rights and the risks; the recipient's undertakings, measures and capability",
      },
      secondary: true,
    },
    art7: {
      cite: { instrument: "GBA-HK-2023", article: 7 },
      summary: {
        zh: "个人信息处理者及接收方应在标准合同生效之日起10个工作日内按照属地备案（内地一方向广东省互联网信息办公室，香港一方向数字政策办公室），提交承诺书、标准合同和属地监管机构要求的其他材料",
        en: "Both parties file within 10 working days after the contract takes effect, each with its own regulator (mainland party: the Guangdong CAC; Hong Kong party: the Digital Policy Office): an undertaking, the contract, and anything that regulator asks for",
      },
      secondary: true,
    },
    art8: {
      cite: { instrument: "GBA-HK-2023", article: 8 },
      summary: {
        zh: "跨境提供的目的、范围、种类、方式，或者接收方处理个人信息的用途、方式发生变化，延长保存期限，以及发生影响或者可能影响个人信息权益其他情况的，应当重新开展影响评估，补充或者重新订立标准合同，并履行备案手续",
        en: "A change of purpose, scope, type or manner, of the recipient's use or manner of processing, a longer retention, or anything else affecting individuals' rights means a new PIPIA, a supplemented or new contract and the filing",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;

/** The day the Mainland–Hong Kong contract opened to all sectors (secondary). */
export const GBA_HK_ALL_SECTORS_FROM = "2024-11-01";

/** Sectors of the Mainland–Hong Kong "early and pilot implementation", 2023-12-13 to 2024-10-31 (secondary). */
export const GBA_HK_PILOT_SECTORS = ["banking", "credit_referencing", "healthcare"] as const;
