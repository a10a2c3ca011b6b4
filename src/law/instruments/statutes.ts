import type { Instrument } from "../instrument.js";

/** 个人信息保护法 — Personal Information Protection Law, in force 2021-11-01. */
export const PIPL = {
  id: "PIPL",
  name: { zh: "中华人民共和国个人信息保护法", en: "Personal Information Protection Law" },
  shortName: { zh: "个人信息保护法", en: "PIPL" },
  issuer: { zh: "全国人民代表大会常务委员会", en: "NPC Standing Committee" },
  published: "2021-08-20",
  inForce: "2021-11-01",
  source: "regulations.md §1, §7; CBDF-2024 Art 10 (seed 001); Q&A Q1, Q5 (seed 002)",
  provisions: {
    art13_2: {
      cite: { instrument: "PIPL", article: 13, paragraph: 2 },
      summary: {
        zh: "依照本法其他有关规定，处理个人信息应当取得个人同意，但是有前款第二项至第七项规定情形的，不需取得个人同意",
        en: "Consent is needed as this Law provides, except where para 1 items 2–7 apply (a contract, HR, a legal duty, an emergency, news reporting, published information, …)",
      },
    },
    art29: {
      cite: { instrument: "PIPL", article: 29 },
      summary: { zh: "处理敏感个人信息应当取得个人的单独同意", en: "Processing sensitive PI needs the individual's separate consent" },
    },
    art31: {
      cite: { instrument: "PIPL", article: 31 },
      summary: {
        zh: "处理不满十四周岁未成年人个人信息的，应当取得父母或者其他监护人的同意",
        en: "PI of a minor under 14 needs a parent's or guardian's consent",
      },
    },
    art38_1: {
      cite: { instrument: "PIPL", article: 38, paragraph: 1 },
      summary: {
        zh: "因业务等需要，确需向中华人民共和国境外提供个人信息的，应当具备安全评估、认证、标准合同等条件之一",
        en: "A processor that truly needs to provide PI outside the PRC must meet one of: assessment, certification, standard contract",
      },
    },
    art38_1_1: {
      cite: { instrument: "PIPL", article: 38, paragraph: 1, item: 1 },
      summary: { zh: "通过国家网信部门组织的安全评估", en: "Pass the CAC security assessment" },
    },
    art38_1_2: {
      cite: { instrument: "PIPL", article: 38, paragraph: 1, item: 2 },
      summary: { zh: "经专业机构进行个人信息保护认证", en: "Obtain PI protection certification from a professional body" },
    },
    art38_1_3: {
      cite: { instrument: "PIPL", article: 38, paragraph: 1, item: 3 },
      summary: { zh: "按照国家网信部门制定的标准合同与境外接收方订立合同", en: "Sign the CAC standard contract with the recipient" },
    },
    art39: {
      cite: { instrument: "PIPL", article: 39 },
      summary: {
        zh: "向境外提供个人信息的，应当向个人告知境外接收方的名称或者姓名、联系方式、处理目的、处理方式、个人信息的种类以及个人向境外接收方行使本法规定权利的方式和程序等事项，并取得个人的单独同意",
        en: "Tell individuals the foreign recipient's name and contact details, the purpose and manner of processing, the kinds of PI, and how to exercise their rights against the recipient; and obtain their separate consent (where consent is the basis, Art 13 para 2)",
      },
    },
    art40: {
      cite: { instrument: "PIPL", article: 40 },
      summary: {
        zh: "关键信息基础设施运营者和处理个人信息达到国家网信部门规定数量的个人信息处理者，确需向境外提供的，应当通过国家网信部门组织的安全评估；法律、行政法规和国家网信部门规定可以不进行安全评估的，从其规定",
        en: "CIIOs and processors handling PI in the volumes the CAC sets must pass the CAC security assessment to send PI abroad, except where laws, administrative regulations or the CAC provide that no assessment is needed",
      },
    },
    art52: {
      cite: { instrument: "PIPL", article: 52 },
      summary: {
        zh: "处理个人信息达到国家网信部门规定数量的个人信息处理者应当指定个人信息保护负责人；并将其姓名、联系方式等报送履行个人信息保护职责的部门",
        en: "A processor handling PI in the number the CAC sets designates a PI protection officer, publishes the officer's contact details and reports the officer's name and contacts to the authorities",
      },
    },
    art54: {
      cite: { instrument: "PIPL", article: 54 },
      summary: {
        zh: "个人信息处理者应当定期对其处理个人信息遵守法律、行政法规的情况进行合规审计",
        en: "Processors audit, regularly, their compliance with the laws and administrative regulations in processing PI",
      },
    },
    art55: {
      cite: { instrument: "PIPL", article: 55 },
      summary: {
        zh: "向境外提供个人信息、处理敏感个人信息等，应当事前进行个人信息保护影响评估",
        en: "Carry out a PI protection impact assessment before sending PI abroad or processing sensitive PI",
      },
    },
    art56_2: {
      cite: { instrument: "PIPL", article: 56, paragraph: 2 },
      summary: {
        zh: "个人信息保护影响评估报告和处理情况记录应当至少保存三年",
        en: "Keep PIPIA reports and processing records for at least three years",
      },
    },
    art57: {
      cite: { instrument: "PIPL", article: 57 },
      summary: {
        zh: "发生或者可能发生个人信息泄露、篡改、丢失的，应当立即采取补救措施，并通知履行个人信息保护职责的部门和个人；采取措施能够有效避免信息泄露、篡改、丢失造成危害的，可以不通知个人，履行个人信息保护职责的部门认为可能造成危害的，有权要求通知个人",
        en: "On a leak, tampering or loss of PI, actual or possible, remedy at once and notify the authorities and the individuals; individuals need not be told where the measures effectively avoid harm, unless the authorities consider harm possible and require it",
      },
    },
    art64: {
      cite: { instrument: "PIPL", article: 64 },
      summary: {
        zh: "履行个人信息保护职责的部门发现个人信息处理活动存在较大风险或者发生个人信息安全事件的，可以要求个人信息处理者委托专业机构对其个人信息处理活动进行合规审计",
        en: "Where processing carries a major risk or an incident has occurred, the authorities may require the processor to have a professional body audit its processing",
      },
    },
  },
} as const satisfies Instrument;

/** 数据安全法 — Data Security Law, in force 2021-09-01. */
export const DSL = {
  id: "DSL",
  name: { zh: "中华人民共和国数据安全法", en: "Data Security Law" },
  shortName: { zh: "数据安全法", en: "DSL" },
  issuer: { zh: "全国人民代表大会常务委员会", en: "NPC Standing Committee" },
  published: "2021-06-10",
  inForce: "2021-09-01",
  source: "regulations.md §0 (core data), Q&A Q1, Q4 (seed 002)",
  provisions: {
    art21_2: {
      cite: { instrument: "DSL", article: 21, paragraph: 2 },
      summary: {
        zh: "关系国家安全、国民经济命脉、重要民生、重大公共利益等数据属于国家核心数据，实行更加严格的管理制度",
        en: "Core data (national security, the economy's lifelines, key livelihoods, major public interests) is under the strictest control",
      },
    },
    art30: {
      cite: { instrument: "DSL", article: 30 },
      summary: {
        zh: "重要数据的处理者应当定期开展风险评估，并向有关主管部门报送风险评估报告",
        en: "Important-data processors run periodic risk assessments and report them to the authorities",
      },
    },
  },
} as const satisfies Instrument;

/** 网络安全法 — Cybersecurity Law, in force 2017-06-01. */
export const CSL = {
  id: "CSL",
  name: { zh: "中华人民共和国网络安全法", en: "Cybersecurity Law" },
  shortName: { zh: "网络安全法", en: "CSL" },
  issuer: { zh: "全国人民代表大会常务委员会", en: "NPC Standing Committee" },
  published: "2016-11-07",
  inForce: "2017-06-01",
  source:
    "regulations.md §0 (GBA contract where a security assessment is mandatory); Art 21: seed 003 (public-security penalties for a system never filed under 等级保护)",
  provisions: {
    art21: {
      cite: { instrument: "CSL", article: 21 },
      summary: {
        zh: "国家实行网络安全等级保护制度；网络运营者应当按照网络安全等级保护制度的要求，履行安全保护义务",
        en: "The state runs the multi-level protection scheme (等级保护); network operators fulfil its security duties",
      },
    },
    art37: {
      cite: { instrument: "CSL", article: 37 },
      summary: {
        zh: "关键信息基础设施的运营者在境内运营中收集和产生的个人信息和重要数据应当在境内存储；因业务需要确需向境外提供的，应当按照国家网信部门会同国务院有关部门制定的办法进行安全评估；法律、行政法规另有规定的，依照其规定",
        en: "A CIIO stores in the mainland the PI and important data it collects there; where it truly must send them abroad, a security assessment under the CAC's measures applies, unless a law or administrative regulation provides otherwise",
      },
    },
  },
} as const satisfies Instrument;

/** 网络数据安全管理条例 — Network Data Security Management Regulations (secondary). */
export const NDSR_2024 = {
  id: "NDSR-2024",
  name: { zh: "网络数据安全管理条例", en: "Network Data Security Management Regulations" },
  issuer: { zh: "国务院令第790号", en: "State Council Decree No. 790" },
  published: "2024-09-30",
  inForce: "2025-01-01",
  source: "regulations.md §6 (secondary). Article numbers from secondary reports: re-check against the official text",
  provisions: {
    art28: {
      cite: { instrument: "NDSR-2024", article: 28 },
      summary: {
        zh: "网络数据处理者处理1000万人以上个人信息的，还应当遵守本条例第三十条、第三十二条对处理重要数据的网络数据处理者作出的规定",
        en: "A processor of PI of 10,000,000 people or more also follows Arts 30 and 32, the duties of important-data processors",
      },
      secondary: true,
    },
    art30: {
      cite: { instrument: "NDSR-2024", article: 30 },
      summary: {
        zh: "重要数据的处理者应当明确网络数据安全负责人和网络数据安全管理机构",
        en: "Important-data processors name a network data security officer and a network data security management body",
      },
      secondary: true,
    },
    art32: {
      cite: { instrument: "NDSR-2024", article: 32 },
      summary: {
        zh: "重要数据的处理者因合并、分立、解散、破产等原因可能影响重要数据安全的，应当采取措施保障网络数据安全，并向省级以上有关主管部门报告",
        en: "Where a merger, division, dissolution or bankruptcy may affect important data, the processor secures the data and reports to the provincial-level (or higher) authorities",
      },
      secondary: true,
    },
    art33: {
      cite: { instrument: "NDSR-2024", article: 33 },
      summary: {
        zh: "重要数据的处理者应当每年度对其网络数据处理活动开展风险评估，并向省级以上有关主管部门报送风险评估报告",
        en: "Important-data processors run a risk assessment every year and report it to the provincial-level (or higher) authorities",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;
