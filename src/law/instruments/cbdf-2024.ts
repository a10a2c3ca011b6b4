import type { Bound, Instrument } from "../instrument.js";

/**
 * 促进和规范数据跨境流动规定 — Provisions on Promoting and Regulating Cross-Border Data Flows.
 * CAC Order No. 16, published and in force 2024-03-22. Text: the Order as published by the CAC;
 * its official Q&A (《促进和规范数据跨境流动规定》答记者问, 2024-03-22).
 */
export const CBDF_2024 = {
  id: "CBDF-2024",
  name: { zh: "促进和规范数据跨境流动规定", en: "Provisions on Promoting and Regulating Cross-Border Data Flows" },
  // The CAC's own announcement of 2024-03-22 (seed 001): "（以下简称《规定》）".
  shortName: { zh: "规定", en: "CBDF-2024" },
  issuer: { zh: "国家互联网信息办公室令第16号", en: "CAC Order No. 16" },
  published: "2024-03-22",
  inForce: "2024-03-22",
  source: "seed 001 (full text), seed 002 (official Q&A)",
  provisions: {
    art2: {
      cite: { instrument: "CBDF-2024", article: 2 },
      summary: {
        zh: "数据处理者应当按照相关规定识别、申报重要数据；未被相关部门、地区告知或者公开发布为重要数据的，不需要作为重要数据申报数据出境安全评估",
        en: "Every processor must identify and report important data under the relevant rules; data that no department or region has notified or publicly announced as important data need not be declared as important data for a security assessment (a relief from declaring, not a definition)",
      },
    },
    art3: {
      cite: { instrument: "CBDF-2024", article: 3 },
      summary: {
        zh: "国际贸易、跨境运输、学术合作、跨国生产制造和市场营销等活动中收集和产生的数据，不包含个人信息或者重要数据的，免予申报",
        en: "Data from trade, transport, academic cooperation, manufacturing or marketing with no PI and no important data is exempt",
      },
    },
    art4: {
      cite: { instrument: "CBDF-2024", article: 4 },
      summary: {
        zh: "境外收集和产生的个人信息传输至境内处理后向境外提供，未引入境内个人信息或者重要数据的，免予申报",
        en: "PI collected abroad, processed in the mainland and sent back out, with no mainland PI or important data introduced, is exempt",
      },
    },
    art5_1_1: {
      cite: { instrument: "CBDF-2024", article: 5, paragraph: 1, item: 1 },
      summary: {
        zh: "为订立、履行个人作为一方当事人的合同，如跨境购物、跨境寄递、跨境汇款、跨境支付、跨境开户、机票酒店预订、签证办理、考试服务等，确需向境外提供个人信息的，免予申报",
        en: "PI truly necessary to conclude or perform a contract to which the individual is a party (cross-border shopping, delivery, remittance, payment, account opening, flight and hotel booking, visas, exams, etc.) is exempt",
      },
    },
    art5_1_2: {
      cite: { instrument: "CBDF-2024", article: 5, paragraph: 1, item: 2 },
      summary: {
        zh: "按照依法制定的劳动规章制度和依法签订的集体合同实施跨境人力资源管理，确需向境外提供员工个人信息的，免予申报",
        en: "Employees' PI truly necessary for cross-border HR management under labour rules made according to law and a collective contract signed according to law is exempt",
      },
    },
    art5_1_3: {
      cite: { instrument: "CBDF-2024", article: 5, paragraph: 1, item: 3 },
      summary: {
        zh: "紧急情况下为保护自然人的生命健康和财产安全，确需向境外提供个人信息的，免予申报",
        en: "PI truly necessary in an emergency to protect a person's life, health or property is exempt",
      },
    },
    art5_1_4: {
      cite: { instrument: "CBDF-2024", article: 5, paragraph: 1, item: 4 },
      summary: {
        zh: "关键信息基础设施运营者以外的数据处理者自当年1月1日起累计向境外提供不满10万人个人信息（不含敏感个人信息）的，免予申报",
        en: "A non-CIIO that has sent, since 1 January, PI (not sensitive PI) of fewer than 100,000 people is exempt",
      },
    },
    art5_2: {
      cite: { instrument: "CBDF-2024", article: 5, paragraph: 2 },
      summary: {
        zh: "前款所称向境外提供的个人信息，不包括重要数据",
        en: "The exemptions of Art 5 do not cover PI that is important data",
      },
    },
    art6_2: {
      cite: { instrument: "CBDF-2024", article: 6, paragraph: 2 },
      summary: {
        zh: "自由贸易试验区内数据处理者向境外提供负面清单外的数据，可以免予申报",
        en: "A processor in a pilot free trade zone sending data outside the zone's negative list is exempt",
      },
    },
    art7_1_1: {
      cite: { instrument: "CBDF-2024", article: 7, paragraph: 1, item: 1 },
      summary: {
        zh: "关键信息基础设施运营者向境外提供个人信息或者重要数据，应当申报数据出境安全评估",
        en: "A CIIO sending PI or important data abroad must apply for a security assessment",
      },
    },
    art7_1_2: {
      cite: { instrument: "CBDF-2024", article: 7, paragraph: 1, item: 2 },
      summary: {
        zh: "关键信息基础设施运营者以外的数据处理者向境外提供重要数据，或者自当年1月1日起累计向境外提供100万人以上个人信息（不含敏感个人信息）或者1万人以上敏感个人信息，应当申报数据出境安全评估",
        en: "Any other processor sending important data, or since 1 January PI of ≥ 1,000,000 people or sensitive PI of ≥ 10,000 people, must apply for a security assessment",
      },
    },
    art8: {
      cite: { instrument: "CBDF-2024", article: 8 },
      summary: {
        zh: "关键信息基础设施运营者以外的数据处理者自当年1月1日起累计向境外提供10万人以上、不满100万人个人信息（不含敏感个人信息）或者不满1万人敏感个人信息的，应当依法与境外接收方订立个人信息出境标准合同或者通过个人信息保护认证",
        en: "A non-CIIO that has sent, since 1 January, PI of 100,000–999,999 people or sensitive PI of fewer than 10,000 people must sign the standard contract or obtain certification",
      },
    },
    art9: {
      cite: { instrument: "CBDF-2024", article: 9 },
      summary: {
        zh: "通过数据出境安全评估的结果有效期为3年，自评估结果出具之日起计算；有效期届满，需要继续开展数据出境活动且未发生需要重新申报数据出境安全评估情形的，可以在有效期届满前60个工作日内通过所在地省级网信部门向国家网信部门提出延长申请，经批准可以延长3年",
        en: "A passed assessment is valid 3 years from the day the result is issued; to continue after that, and only if nothing has occurred that requires a new declaration, the processor may apply through its provincial CAC to the national CAC within the 60 working days before expiry for a 3-year extension, granted on approval",
      },
    },
    art10: {
      cite: { instrument: "CBDF-2024", article: 10 },
      summary: {
        zh: "向境外提供个人信息的，应当按照法律、行政法规的规定履行告知、取得个人单独同意、进行个人信息保护影响评估等义务",
        en: "Exporters of PI must, as laws and administrative regulations provide, give notice, obtain separate consent and carry out a PI protection impact assessment (consent only where the law requires it)",
      },
    },
    art11: {
      cite: { instrument: "CBDF-2024", article: 11 },
      summary: {
        zh: "履行数据安全保护义务，采取技术措施和其他必要措施，保障数据出境安全；发生或者可能发生数据安全事件的，应当采取补救措施，及时向省级以上网信部门和其他有关主管部门报告",
        en: "On a data security incident, take remedial measures and report to the provincial or higher CAC and other authorities",
      },
    },
    art13: {
      cite: { instrument: "CBDF-2024", article: 13 },
      summary: {
        zh: "《数据出境安全评估办法》《个人信息出境标准合同办法》等与本规定不一致的，适用本规定",
        en: "Where the 2022 and 2023 measures differ from these Provisions, these Provisions prevail",
      },
    },
  },
} as const satisfies Instrument;

/**
 * The bands of Arts 5(1)(4), 7 and 8, counted per Q&A Q11 since 1 January of the year of the
 * assessment, persons de-duplicated. 以上 includes the number, 不满 excludes it.
 */
export const CBDF_2024_BANDS = {
  /** Art 7(1)(2): 100万人以上个人信息（不含敏感个人信息） */
  assessmentGeneral: { atLeast: 1_000_000 },
  /** Art 7(1)(2): 1万人以上敏感个人信息 */
  assessmentSensitive: { atLeast: 10_000 },
  /** Art 8: 10万人以上、不满100万人 */
  contractGeneral: { atLeast: 100_000 },
  /** Art 5(1)(4): 不满10万人 */
  exemptGeneral: { below: 100_000 },
} as const satisfies Record<string, Bound>;
