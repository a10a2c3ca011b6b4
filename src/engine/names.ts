/**
 * The Chinese (and English) names of every enum of the data map, one table per enum, and the names
 * of places: what documents, pages and reports print instead of a code (a filing written in
 * Chinese names 金融账户, not `financial_account`; 中国香港特别行政区, not `HK`). Sensitive categories
 * follow PIPL Art 28; purposes the CBDF-2024 Art 5 wording; the manners the filing guide's.
 */
import { readFileSync } from "node:fs";
import type { Bilingual, Lang } from "../law/index.js";
import { packageFile } from "../paths.js";
import type {
  CHANGE_KINDS,
  CONTRACT_CLAUSES,
  FILING_TYPES,
  LAWFUL_BASES,
  OUTCOMES,
  MANNERS,
  SECTORS,
  SENSITIVE_CATEGORIES,
  SUBJECTS,
} from "./datamap.js";
import { OPTION_NAMES, PATHWAY_NAMES, PURPOSE_NAMES } from "./messages.js";

const say = (zh: string, en: string): Bilingual => ({ zh, en });
type Table<T extends readonly string[]> = Record<T[number], Bilingual>;

/** 敏感个人信息种类 (PIPL Art 28). */
export const SENSITIVE_NAMES: Table<typeof SENSITIVE_CATEGORIES> = {
  biometric: say("生物识别", "biometrics"),
  religious_belief: say("宗教信仰", "religious belief"),
  specific_identity: say("特定身份", "specific identity"),
  medical_health: say("医疗健康", "medical and health"),
  financial_account: say("金融账户", "financial accounts"),
  location_tracking: say("行踪轨迹", "whereabouts"),
  minor_under_14: say("不满十四周岁未成年人的个人信息", "PI of minors under 14"),
  other_sensitive: say("其他敏感个人信息", "other sensitive PI"),
};

/** 个人信息主体类别. */
export const SUBJECT_NAMES: Table<typeof SUBJECTS> = {
  customers: say("客户", "customers"),
  users: say("用户", "users"),
  employees: say("员工", "employees"),
  patients: say("患者", "patients"),
  students: say("学生", "students"),
  minors: say("未成年人", "minors"),
  other: say("其他", "others"),
};

/** 境外接收方类型. */
export const RECIPIENT_KIND_NAMES: Record<"organization" | "individual", Bilingual> = {
  organization: say("组织", "organisation"),
  individual: say("个人", "individual"),
};

/** 出境方式 (the filing guide: kept in the mainland but accessed from abroad is an export too). */
export const MANNER_NAMES: Table<typeof MANNERS> = {
  transmitted: say("传输至境外", "transmitted abroad"),
  stored_abroad: say("存储于境外", "stored abroad"),
  accessible_from_abroad: say("境内存储、境外访问", "kept in the mainland, accessed from abroad"),
};

/** 出境路径, 可选路径 and 出境目的: the engine's tables, re-exported so every name is found here. */
export { OPTION_NAMES, PATHWAY_NAMES, PURPOSE_NAMES };

/** 备案类型. */
export const FILING_TYPE_NAMES: Table<typeof FILING_TYPES> = {
  standard_contract: OPTION_NAMES.standard_contract,
  gba_standard_contract: OPTION_NAMES.gba_standard_contract,
  security_assessment: OPTION_NAMES.security_assessment,
};

/** 安全评估结果. */
export const OUTCOME_NAMES: Table<typeof OUTCOMES> = {
  passed: say("通过", "passed"),
  refused: say("不予通过", "refused"),
};

/** 处理个人信息的合法性基础 (PIPL Art 13(1)). */
export const LAWFUL_BASIS_NAMES: Table<typeof LAWFUL_BASES> = {
  consent: say("取得个人的同意", "consent"),
  contract: say("为订立、履行个人作为一方当事人的合同所必需", "a contract with the individual"),
  hr: say("为实施人力资源管理所必需", "HR management"),
  legal_duty: say("为履行法定职责或者法定义务所必需", "a legal duty"),
  emergency: say("为应对突发公共卫生事件或者紧急情况所必需", "an emergency"),
  news_reporting: say("为公共利益实施新闻报道、舆论监督", "news reporting"),
  public_information: say("处理已经合法公开的个人信息", "public information"),
};

/** 行业. */
export const SECTOR_NAMES: Table<typeof SECTORS> = {
  banking: say("银行", "banking"),
  credit_referencing: say("征信", "credit referencing"),
  healthcare: say("医疗", "healthcare"),
  insurance: say("保险", "insurance"),
  securities: say("证券", "securities"),
  other: say("其他", "other"),
};

/** 法律文件约定的事项 (SAM-2022 Art 9). */
export const CONTRACT_CLAUSE_NAMES: Table<typeof CONTRACT_CLAUSES> = {
  purpose_scope: say("出境目的、方式和数据范围", "purpose, manner and scope"),
  storage_abroad: say("境外保存地点、期限及到期处理", "storage abroad and what happens at the end"),
  onward_transfer: say("再转移的约束性要求", "limits on onward transfer"),
  change_of_control: say("控制权或者环境变化时的安全措施", "measures on a change of control or environment"),
  remedies: say("补救措施、违约责任和争议解决", "remedies, liability and disputes"),
  incidents: say("应急处置和个人维权途径", "incident response and individuals' channels"),
};

/** 变更事项 (SCM-2023 Art 8; `control`: SAM-2022 Art 14's change of actual control). */
export const CHANGE_KIND_NAMES: Table<typeof CHANGE_KINDS> = {
  purpose: say("出境目的", "purpose"),
  scope: say("出境范围", "scope"),
  types: say("个人信息种类", "types of PI"),
  sensitivity: say("敏感程度", "sensitivity"),
  manner: say("出境方式", "manner"),
  storage_place: say("境外保存地点", "storage place"),
  recipient_use: say("境外接收方处理用途、方式", "the recipient's use"),
  retention: say("保存期限", "retention"),
  recipient_law: say("境外接收方所在国家或者地区法律环境", "the recipient's legal environment"),
  control: say("数据处理者或者境外接收方实际控制权", "actual control of the processor or the recipient"),
  other: say("其他", "other"),
};

/** Hong Kong, Macao and Taiwan: regions of China, never called 国家 nor written as a code. */
const CHINA_REGIONS: Record<string, Bilingual> = {
  HK: say("中国香港特别行政区", "Hong Kong SAR, China"),
  MO: say("中国澳门特别行政区", "Macao SAR, China"),
  TW: say("中国台湾地区", "Taiwan region, China"),
};

/** Hong Kong, Macao or Taiwan. */
export const isChinaRegion = (code: string) => code in CHINA_REGIONS;

let divisions: Map<string, string> | undefined;
/** data/areanames.txt (scripts/build-areanames.py): GB/T 2260 code → place name. */
function divisionNames(): Map<string, string> {
  if (!divisions) {
    divisions = new Map();
    for (const line of readFileSync(packageFile("data", "areanames.txt"), "utf8").split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const [code, name] = line.split("\t");
      if (code && name) divisions.set(code, name);
    }
  }
  return divisions;
}

/** Every GB/T 2260 division code with its place name, in code order. */
export function divisionEntries(): [code: string, name: string][] {
  return [...divisionNames()];
}

/** A GB/T 2260 division code's place name (北京市西城区, 深圳市南山区); the code itself when unknown. */
export function divisionName(code: string): string {
  return divisionNames().get(code) ?? code;
}

const displayNames = { zh: new Intl.DisplayNames(["zh-CN"], { type: "region" }), en: new Intl.DisplayNames(["en"], { type: "region" }) };

/**
 * A recipient's country or region by name: ISO 3166-1 codes through the runtime's CLDR names (美国,
 * 新加坡), Hong Kong, Macao and Taiwan as regions of China, a mainland division code as its place.
 */
export function regionName(code: string, lang: Lang): string {
  if (CHINA_REGIONS[code]) return CHINA_REGIONS[code][lang];
  if (/^\d{6}$/.test(code)) return divisionName(code);
  try {
    return displayNames[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

/** A name from one of the tables above, or the value itself where the table has none. */
export function nameOf(table: Record<string, Bilingual>, value: string, lang: Lang): string {
  return table[value]?.[lang] ?? value;
}

/** 期限 (the assessment's deadlines). */
export const DEADLINE_NAMES: Record<string, Bilingual> = {
  filing_due: say("备案截止日", "filing due"),
  assessment_expires: say("评估结果有效期届满", "assessment expires"),
  extension_window_opens: say("可申请延长有效期", "extension window opens"),
  reapplication_due: say("重新申报截止日", "re-application due"),
  completeness_check_due: say("完备性查验期限", "completeness check due"),
  acceptance_decision_due: say("受理决定期限", "acceptance decision due"),
  review_due: say("评估期限", "review due"),
  rereview_request_due: say("申请复评期限", "re-review request due"),
};

/** A date as a Chinese document writes it (2026年9月24日); ISO in English. */
export function dateName(iso: string, lang: Lang): string {
  if (lang !== "zh") return iso;
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
