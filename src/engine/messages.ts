import type { Bilingual, Citation, Lang } from "../law/index.js";
import { formatCitation } from "../law/index.js";
import type { Option, Pathway } from "./types.js";

export const say = (zh: string, en: string): Bilingual => ({ zh, en });

export const num = (n: number) => n.toLocaleString("en-US");

export const cite = (c: Citation, lang: Lang) => formatCitation(c, lang);

export const PATHWAY_NAMES: Record<Pathway, Bilingual> = {
  exempt: say("免予申报（豁免）", "exempt"),
  standard_contract_or_certification: say("订立标准合同或者通过个人信息保护认证", "standard contract or certification"),
  security_assessment: say("申报数据出境安全评估", "CAC security assessment"),
  prohibited: say("禁止出境", "prohibited"),
};

export const OPTION_NAMES: Record<Option, Bilingual> = {
  standard_contract: say("个人信息出境标准合同", "standard contract"),
  certification: say("个人信息保护认证", "PI protection certification"),
  security_assessment: say("数据出境安全评估", "security assessment"),
  gba_standard_contract: say("大湾区个人信息跨境流动标准合同", "GBA standard contract"),
};

export const PURPOSE_NAMES: Record<string, Bilingual> = {
  international_trade: say("国际贸易", "international trade"),
  cross_border_transport: say("跨境运输", "cross-border transport"),
  academic_cooperation: say("学术合作", "academic cooperation"),
  multinational_manufacturing: say("跨国生产制造", "multinational manufacturing"),
  marketing: say("市场营销", "marketing"),
  contract_with_individual: say("订立、履行个人作为一方当事人的合同", "a contract with the individual"),
  cross_border_hr: say("跨境人力资源管理", "cross-border HR management"),
  emergency: say("紧急情况下保护自然人的生命健康和财产安全", "an emergency protecting life, health or property"),
  other: say("其他", "other"),
};
