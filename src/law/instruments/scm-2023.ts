import type { Instrument } from "../instrument.js";

/**
 * 个人信息出境标准合同办法 — Measures on the Standard Contract for Outbound PI Transfers.
 * CAC Order No. 13, published 2023-02-22, in force 2023-06-01. Art 7 (filing) still governs
 * under CBDF-2024. Source: regulations.md §2.
 */
export const SCM_2023 = {
  id: "SCM-2023",
  name: { zh: "个人信息出境标准合同办法", en: "Measures on the Standard Contract for Outbound Transfers of PI" },
  shortName: { zh: "标准合同办法", en: "SCM-2023" },
  issuer: { zh: "国家互联网信息办公室令第13号", en: "CAC Order No. 13" },
  published: "2023-02-22",
  inForce: "2023-06-01",
  source: "regulations.md §2",
  provisions: {
    art4: {
      cite: { instrument: "SCM-2023", article: 4 },
      summary: {
        zh: "非关键信息基础设施运营者、处理个人信息不满100万人、自上年1月1日起累计向境外提供个人信息不满10万人、敏感个人信息不满1万人的，可以通过订立标准合同的方式向境外提供个人信息",
        en: "A non-CIIO processing PI of < 1,000,000 people that has sent, since 1 January of the previous year, PI of < 100,000 and sensitive PI of < 10,000 people may use the standard contract",
      },
    },
    art5: {
      cite: { instrument: "SCM-2023", article: 5 },
      summary: {
        zh: "订立标准合同前应当开展个人信息保护影响评估（含境外接收方所在国家或者地区的个人信息保护政策和法规的影响）",
        en: "Before signing, carry out a PIPIA (including the effect of the recipient country's laws)",
      },
    },
    art7: {
      cite: { instrument: "SCM-2023", article: 7 },
      summary: {
        zh: "应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案",
        en: "File with the provincial CAC within 10 working days after the contract takes effect",
      },
    },
    art8: {
      cite: { instrument: "SCM-2023", article: 8 },
      summary: {
        zh: "在标准合同有效期内，向境外提供个人信息的目的、范围、种类、敏感程度、方式、保存地点或者境外接收方处理个人信息的用途、方式发生变化，或者延长境外保存期限的；境外接收方所在国家或者地区的个人信息保护政策和法规发生变化等可能影响个人信息权益的；或者可能影响个人信息权益的其他情形，应当重新开展个人信息保护影响评估，补充或者重新订立标准合同，并履行相应备案手续",
        en: "During the contract's term, a change of purpose, scope, type, sensitivity, manner or storage place, or of the recipient's use or manner of processing, a longer retention abroad; a change of the recipient country's PI law or policy that may affect individuals' rights; or any other circumstance that may affect them means a new PIPIA, a supplemented or new contract and the filing",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;
