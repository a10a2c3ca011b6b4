import type { Instrument } from "../instrument.js";

/**
 * The filings a processor owes for a service it runs, where the data map declares the service:
 * algorithm, deep-synthesis and generative-AI filings with the CAC, App filing with the
 * telecommunications authority, and the graded-protection (等级保护) filing with public security.
 * Seeds 001–003 name each filing; the article numbers marked secondary come from secondary reports
 * of the official texts: re-check them there.
 */

/** 互联网信息服务算法推荐管理规定 — Provisions on Algorithmic Recommendation (in force 2022-03-01). */
export const ALGO_2021 = {
  id: "ALGO-2021",
  name: {
    zh: "互联网信息服务算法推荐管理规定",
    en: "Provisions on the Administration of Algorithmic Recommendation in Internet Information Services",
  },
  shortName: { zh: "算法推荐规定", en: "ALGO-2021" },
  issuer: { zh: "国家互联网信息办公室等四部门令第9号", en: "CAC and three other departments, Order No. 9" },
  published: "2021-12-31",
  inForce: "2022-03-01",
  source: "seed 002 (the deep-synthesis rules refer to these provisions for filing, change and cancellation) (secondary: article numbers)",
  provisions: {
    art24: {
      cite: { instrument: "ALGO-2021", article: 24 },
      summary: {
        zh: "具有舆论属性或者社会动员能力的算法推荐服务提供者应当在提供服务之日起十个工作日内通过互联网信息服务算法备案系统履行备案手续",
        en: "A provider of algorithmic recommendation with public-opinion attributes or social-mobilisation capability files through the algorithm filing system within 10 working days of starting the service",
      },
      secondary: true,
    },
    art26: {
      cite: { instrument: "ALGO-2021", article: 26 },
      summary: {
        zh: "完成备案的算法推荐服务提供者应当在其对外提供服务的网站、应用程序等的显著位置标明其备案编号并提供公示信息链接",
        en: "A provider that has filed shows its filing number, with a link to the public record, prominently where it offers the service",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;

/** 互联网信息服务深度合成管理规定 — Provisions on Deep Synthesis (in force 2023-01-10). */
export const DS_2022 = {
  id: "DS-2022",
  name: { zh: "互联网信息服务深度合成管理规定", en: "Provisions on the Administration of Deep Synthesis in Internet Information Services" },
  shortName: { zh: "深度合成规定", en: "DS-2022" },
  issuer: { zh: "国家互联网信息办公室等三部门令第12号", en: "CAC and two other departments, Order No. 12" },
  published: "2022-11-25",
  inForce: "2023-01-10",
  source: "seed 002 (the CAC's announcement of deep-synthesis filings quotes Art 19)",
  provisions: {
    art19: {
      cite: { instrument: "DS-2022", article: 19 },
      summary: {
        zh: "具有舆论属性或者社会动员能力的深度合成服务提供者，应当按照《互联网信息服务算法推荐管理规定》履行备案和变更、注销备案手续；技术支持者参照履行",
        en: "A deep-synthesis provider with public-opinion attributes or social-mobilisation capability files (and files changes and cancellation) under the algorithm provisions; technical supporters do the same",
      },
    },
  },
} as const satisfies Instrument;

/** 生成式人工智能服务管理暂行办法 — Interim Measures for Generative AI Services (in force 2023-08-15). */
export const GENAI_2023 = {
  id: "GENAI-2023",
  name: { zh: "生成式人工智能服务管理暂行办法", en: "Interim Measures for the Administration of Generative AI Services" },
  shortName: { zh: "生成式人工智能办法", en: "GENAI-2023" },
  issuer: { zh: "国家互联网信息办公室等七部门令第15号", en: "CAC and six other departments, Order No. 15" },
  published: "2023-07-10",
  inForce: "2023-08-15",
  // The CAC's announcement of filed generative-AI services (seed 001) adds that a launched app or function using a
  // filed service shows its model name and filing number (显著位置或产品详情页面): the register cites Art 17, the
  // filing it shows, and names the announcement in the duty's text.
  source:
    "seed 001 (the CAC's announcement: filing under these measures; launched apps or functions show the filed model's name and filing number) (secondary: article number)",
  provisions: {
    art17: {
      cite: { instrument: "GENAI-2023", article: 17 },
      summary: {
        zh: "提供具有舆论属性或者社会动员能力的生成式人工智能服务的，应当按照国家有关规定开展安全评估，并按照《互联网信息服务算法推荐管理规定》履行算法备案和变更、注销备案手续",
        en: "A provider of a generative-AI service with public-opinion attributes or social-mobilisation capability carries out a security assessment as the state provides, and files (and files changes and cancellation) under the algorithm provisions",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;

/** 反电信网络诈骗法 — Anti-Telecom and Online Fraud Law (in force 2022-12-01): App filing. */
export const ATFL_2022 = {
  id: "ATFL-2022",
  name: { zh: "中华人民共和国反电信网络诈骗法", en: "Anti-Telecom and Online Fraud Law" },
  shortName: { zh: "反电信网络诈骗法", en: "ATFL-2022" },
  issuer: { zh: "全国人民代表大会常务委员会", en: "NPC Standing Committee" },
  published: "2022-09-02",
  inForce: "2022-12-01",
  source:
    "seed 003 (MIIT's notice of 2023-08-04 on App filing: file before service; Apps already running filed from 2023-09 to 2024-03, unfiled ones taken down from 2024-04-01, under this Law) (secondary: article number)",
  provisions: {
    art23: {
      cite: { instrument: "ATFL-2022", article: 23 },
      summary: {
        zh: "设立移动互联网应用程序应当按照国家有关规定向电信主管部门办理许可或者备案手续",
        en: "A mobile App is licensed by or filed with the telecommunications authority as the state provides",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;

/** 信息安全等级保护管理办法 — Measures for the Multi-Level Protection of Information Security (2007). */
export const MLPS_2007 = {
  id: "MLPS-2007",
  name: { zh: "信息安全等级保护管理办法", en: "Administrative Measures for the Multi-Level Protection of Information Security" },
  shortName: { zh: "等级保护管理办法", en: "MLPS-2007" },
  issuer: { zh: "公安部、国家保密局、国家密码管理局、国务院信息化工作办公室", en: "Ministry of Public Security and three other bodies" },
  published: "2007-06-22",
  inForce: "2007-06-22",
  source: "seed 003 (penalties under CSL Art 21 for a system never filed or tested) (secondary: these measures' articles)",
  provisions: {
    art14: {
      cite: { instrument: "MLPS-2007", article: 14 },
      summary: {
        zh: "第三级信息系统应当每年至少进行一次等级测评，第四级信息系统应当每半年至少进行一次等级测评",
        en: "A level-3 system is tested at least once a year, a level-4 system at least every six months",
      },
      secondary: true,
    },
    art15: {
      cite: { instrument: "MLPS-2007", article: 15 },
      summary: {
        zh: "第二级以上信息系统，在安全保护等级确定后30日内，由其运营、使用单位到所在地设区的市级以上公安机关办理备案手续",
        en: "A system of level 2 or above is filed with the public-security organ (city level or above) within 30 days after its level is determined",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;
