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
 * Text: ../shared/seeds/000_*.
 */
export const GBA_MO_2024 = {
  id: "GBA-MO-2024",
  name: {
    zh: "粤港澳大湾区（内地、澳门）个人信息跨境流动标准合同实施指引",
    en: "Implementation Guidelines on the GBA (Mainland, Macao) Standard Contract for Cross-boundary Flows of PI",
  },
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
        zh: "按属地法律告知或者取得同意；不得向大湾区以外的组织、个人提供",
        en: "Notice or consent under the processor's local law; no onward transfer outside the GBA",
      },
    },
    art5: {
      cite: { instrument: "GBA-MO-2024", article: 5 },
      summary: {
        zh: "跨境提供前应当开展个人信息保护影响评估",
        en: "Carry out a PIPIA before the transfer (lawfulness and necessity, impact and risk, recipient's capability)",
      },
    },
    art6: {
      cite: { instrument: "GBA-MO-2024", article: 6 },
      summary: { zh: "严格按照附件订立标准合同，合同生效后方可开展跨境提供", en: "Use the template; transfers start once it takes effect" },
    },
    art7: {
      cite: { instrument: "GBA-MO-2024", article: 7 },
      summary: {
        zh: "标准合同生效之日起10个工作日内向广东省互联网信息办公室或者澳门个人资料保护局备案",
        en: "File within 10 working days after the contract takes effect, with the Guangdong CAC or Macao's GPDP",
      },
    },
    art8: {
      cite: { instrument: "GBA-MO-2024", article: 8 },
      summary: {
        zh: "目的、范围、种类、方式或者用途变化、延长保存期限等，应当重新评估、补充或者重新订立合同并备案",
        en: "Changes of purpose, scope, type, manner, use or a longer retention mean a new PIPIA, contract and filing",
      },
    },
  },
} as const satisfies Instrument;

/**
 * 粤港澳大湾区（内地、香港）个人信息跨境流动标准合同实施指引. Published 2023-12-13; open to all
 * sectors from 2024-11-01 (secondary). Its articles mirror the Macao guideline (secondary):
 * keep these easy to find and correct.
 */
export const GBA_HK_2023 = {
  id: "GBA-HK-2023",
  name: {
    zh: "粤港澳大湾区（内地、香港）个人信息跨境流动标准合同实施指引",
    en: "Implementation Guidelines on the GBA (Mainland, Hong Kong) Standard Contract for Cross-boundary Flows of PI",
  },
  issuer: { zh: "国家互联网信息办公室、香港创新科技及工业局", en: "CAC and Hong Kong ITIB" },
  published: "2023-12-13",
  /** Open to all sectors from this day (secondary); earlier only to pilot sectors. */
  inForce: "2024-11-01",
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
    art7: {
      cite: { instrument: "GBA-HK-2023", article: 7 },
      summary: {
        zh: "标准合同生效之日起10个工作日内备案（内地方向广东省互联网信息办公室，香港方向数字政策办公室）",
        en: "File within 10 working days after the contract takes effect (mainland party: Guangdong CAC; Hong Kong party: Digital Policy Office)",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;
