/**
 * The data map's form fields in words: a label (字段名称) and a one-line help text (填写说明) for every
 * field the forms show, in Chinese and English. One source: the forms print them and
 * docs/data-map.md's "Form labels" section is generated from them (`npm run docs:update`;
 * test/form-fields.test.ts fails when the page and this table part).
 */
import type { Bilingual } from "../law/index.js";
import { FIELDS, SECTIONS, type Section } from "./form-fields.js";

const say = (zh: string, en: string): Bilingual => ({ zh, en });

export interface FieldWords {
  label: Bilingual;
  help: Bilingual;
}

const w = (label: [string, string], help: [string, string]): FieldWords => ({ label: say(...label), help: say(...help) });

/** Keyed `<section>.<field>` (e.g. `transfers.persons.general`). */
export const FIELD_WORDS: Record<string, FieldWords> = {
  "processor.name": w(["名称", "Name"], ["数据处理者的名称", "the processor's name"]),
  "processor.region": w(
    ["注册地", "Registered in"],
    [
      "注册地的行政区划（可输入地名查找，也可填区县代码）",
      "where it is registered: a place in the mainland (type to search; a county code also works)",
    ],
  ),
  "processor.ciio": w(
    ["关键信息基础设施运营者", "CII operator"],
    ["是否已被认定为关键信息基础设施运营者", "notified as a critical information infrastructure operator"],
  ),
  "processor.ftz": w(
    ["自由贸易试验区", "Free trade zone"],
    [
      "注册所在的自由贸易试验区（如 天津、shanghai），不在自贸区则留空",
      "the pilot free trade zone it is registered in (e.g. tianjin, 上海); empty if none",
    ],
  ),
  "processor.ftzListFiled": w(
    ["已办理负面清单适用手续", "Zone list procedure done"],
    ["已按所在自贸区的要求办理负面清单适用手续", "the zone's own procedure for using its negative list is done"],
  ),
  "processor.sector": w(
    ["行业", "Sector"],
    ["所属行业，决定大湾区标准合同试点期间能否适用", "its sector: decides the GBA contract's pilot period"],
  ),
  "processor.personsProcessed": w(
    ["处理个人信息的总人数", "Persons processed"],
    ["处理其个人信息的自然人总数", "natural persons whose PI it holds in total"],
  ),
  "processor.cumulative.general": w(
    ["累计出境人数（一般个人信息）", "Cumulative persons (general PI)"],
    ["自当年1月1日起累计向境外提供的、已去重的一般个人信息人数", "de-duplicated persons whose general PI left since 1 January"],
  ),
  "processor.cumulative.sensitive": w(
    ["累计出境人数（敏感个人信息）", "Cumulative persons (sensitive PI)"],
    ["自当年1月1日起累计向境外提供的、已去重的敏感个人信息人数", "de-duplicated persons whose sensitive PI left since 1 January"],
  ),
  "processor.overTenMillionSince": w(
    ["处理超过1000万人个人信息之日", "Over 10 million since"],
    [
      "首次处理超过1000万人个人信息的日期（合规审计周期由此起算）",
      "the day PI of over 10,000,000 people was first processed (starts the audit cycle)",
    ],
  ),
  "processor.protectionOfficer.reachedDate": w(
    ["达到100万人之日", "1 million reached on"],
    ["处理个人信息达到100万人的日期", "the day PI of 1,000,000 people was reached"],
  ),
  "processor.protectionOfficer.designated": w(
    ["已指定个人信息保护负责人", "PI protection officer named"],
    ["是否已指定个人信息保护负责人（个人信息保护法第五十二条）", "a PI protection officer is designated (PIPL Art 52)"],
  ),
  "processor.protectionOfficer.reportedDate": w(
    ["负责人信息报送日期", "Officer reported on"],
    ["向网信部门报送个人信息保护负责人信息的日期", "the day the officer was reported to the CAC"],
  ),
  "processor.dataSecurityOfficer": w(
    ["已明确网络数据安全负责人", "Data security officer named"],
    [
      "已明确网络数据安全负责人和管理机构（网络数据安全管理条例第三十条）",
      "a network data security officer and body are named (NDSR-2024 Art 30)",
    ],
  ),
  "recipients.id": w(["编号", "ID"], ["在本数据地图中唯一的编号，出境活动以此引用", "unique in this map; transfers refer to it"]),
  "recipients.name": w(["名称", "Name"], ["境外接收方的名称", "the recipient's name"]),
  "recipients.region": w(
    ["所在国家或者地区", "Country or region"],
    [
      "接收方所在的国家或者地区（可输入名称查找）；境内接收方填行政区划代码",
      "where the recipient is (type to search); a mainland division code for a party in the mainland",
    ],
  ),
  "recipients.kind": w(["类型", "Kind"], ["组织或者个人", "an organisation or an individual"]),
  "datasets.id": w(["编号", "ID"], ["在本数据地图中唯一的编号，出境活动以此引用", "unique in this map; transfers refer to it"]),
  "datasets.personalInformation": w(
    ["包含个人信息", "Personal information"],
    ["数据集是否包含个人信息", "the dataset holds personal information"],
  ),
  "datasets.sensitive": w(
    ["敏感个人信息种类", "Sensitive PI"],
    ["包含的敏感个人信息种类（可多选，个人信息保护法第二十八条）", "sensitive PI categories it holds (choose any, PIPL Art 28)"],
  ),
  "datasets.subjects": w(
    ["个人信息主体", "Whose PI"],
    ["个人信息属于哪些人（可多选）；人力资源管理豁免需要“员工”", "whose PI it is (choose any); the HR exemption needs employees"],
  ),
  "datasets.importantData": w(
    ["重要数据", "Important data"],
    ["已被告知或者公开发布为重要数据", "notified or announced as important data"],
  ),
  "datasets.coreData": w(["核心数据", "Core data"], ["核心数据，不得出境", "core data: never leaves"]),
  "datasets.collectedAbroad": w(
    ["境外收集", "Collected abroad"],
    ["在境外收集和产生的个人信息", "PI collected and generated outside the mainland"],
  ),
  "datasets.domesticDataIntroduced": w(
    ["混入境内数据", "Mainland data mixed in"],
    ["境外收集的数据中混入了境内个人信息或者重要数据", "with collected abroad: mainland PI or important data mixed in"],
  ),
  "datasets.inNegativeList": w(
    ["属于负面清单", "In the negative list"],
    ["命中所在自贸区负面清单的条目", "hits a row of its zone's negative list"],
  ),
  "transfers.id": w(["编号", "ID"], ["在本数据地图中唯一的编号", "unique in this map"]),
  "transfers.dataset": w(["数据集", "Dataset"], ["出境的数据集", "the dataset that leaves"]),
  "transfers.recipient": w(["境外接收方", "Recipient"], ["接收数据的境外接收方", "who receives it abroad"]),
  "transfers.purpose": w(["出境目的", "Purpose"], ["向境外提供的目的", "why the data is sent abroad"]),
  "transfers.necessary": w(
    ["确需出境", "Necessary"],
    ["为该目的确需向境外提供（豁免条款的前提）", "really needed for the purpose (the exemptions' condition)"],
  ),
  "transfers.lawfulBasis": w(
    ["合法性基础", "Lawful basis"],
    ["处理个人信息的合法性基础（个人信息保护法第十三条）", "the lawful basis for processing (PIPL Art 13)"],
  ),
  "transfers.labourRules": w(
    ["依法制定的劳动规章制度", "Labour rules"],
    ["依法制定的劳动规章制度涵盖该出境（人力资源管理豁免）", "lawful labour rules cover it (the HR exemption)"],
  ),
  "transfers.collectiveContract": w(
    ["依法签订的集体合同", "Collective contract"],
    ["依法签订的集体合同涵盖该出境（人力资源管理豁免）", "a lawful collective contract covers it (the HR exemption)"],
  ),
  "transfers.persons.general": w(
    ["出境人数（一般个人信息）", "Persons (general PI)"],
    ["当年向境外提供其一般个人信息的人数", "persons whose general PI leaves this year"],
  ),
  "transfers.persons.sensitive": w(
    ["出境人数（敏感个人信息）", "Persons (sensitive PI)"],
    ["当年向境外提供其敏感个人信息的人数", "persons whose sensitive PI leaves this year"],
  ),
  "transfers.manner": w(["出境方式", "Manner"], ["传输、境外存储或者境外访问", "transmitted, stored abroad or accessed from abroad"]),
  "transfers.storagePlace": w(["境外保存地点", "Storage place"], ["数据在境外保存的地点", "where the data is kept abroad"]),
  "transfers.recipientUse": w(
    ["境外接收方处理用途和方式", "Recipient's use"],
    ["境外接收方如何处理、为何处理", "what the recipient does with it"],
  ),
  "transfers.retentionAbroad": w(["境外保存期限（天）", "Retention abroad (days)"], ["在境外保存的天数", "days the data is kept abroad"]),
  "transfers.onwardOutsideGBA": w(
    ["再转移至大湾区以外", "Onward outside the GBA"],
    ["接收方会再将数据提供到大湾区以外", "the recipient passes it on outside the Greater Bay Area"],
  ),
  "transfers.ftzCovered": w(
    ["自贸区负面清单范围内", "Within the zone's scope"],
    ["该出境属于所在自贸区负面清单管理的范围", "the transfer is within the zone's negative-list scope"],
  ),
  "transfers.sector": w(["行业", "Sector"], ["该出境所属行业（不填则用处理者的行业）", "the transfer's sector (default: the processor's)"]),
  "transfers.startDate": w(["开始出境日期", "Start date"], ["首次向境外提供的日期", "the day the data first left"]),
  "transfers.pipiaDate": w(
    ["个人信息保护影响评估日期", "PIPIA date"],
    ["完成个人信息保护影响评估的日期（个人信息保护法第五十五条）", "the day the PI protection impact assessment was done (PIPL Art 55)"],
  ),
  "transfers.noticeGiven": w(
    ["已告知个人", "Notice given"],
    [
      "已向个人告知境外接收方及出境事项（个人信息保护法第三十九条）",
      "individuals were told of the recipient and the transfer (PIPL Art 39)",
    ],
  ),
  "transfers.consentObtained": w(
    ["已取得单独同意", "Separate consent"],
    ["已取得个人的单独同意（个人信息保护法第三十九条）", "separate consent obtained (PIPL Art 39)"],
  ),
  "filings.type": w(
    ["类型", "Type"],
    ["标准合同备案、大湾区标准合同备案或者安全评估申报", "standard contract, GBA contract or security assessment"],
  ),
  "filings.transfer": w(["出境活动", "Transfer"], ["该申报或者备案所涉的出境活动", "the transfer it covers"]),
  "filings.effectiveDate": w(["生效日期", "Effective date"], ["标准合同生效的日期", "the day the contract took effect"]),
  "filings.endDate": w(["终止日期", "End date"], ["合同或者评估结果到期的日期", "the day the contract or result ends"]),
  "filings.filedDate": w(["备案日期", "Filed on"], ["向网信部门备案的日期", "the day it was filed with the CAC"]),
  "filings.submittedDate": w(["申报日期", "Submitted on"], ["向网信部门申报安全评估的日期", "the day the assessment was applied for"]),
  "filings.acceptedDate": w(["受理日期", "Accepted on"], ["网信部门受理申报的日期", "the day the CAC accepted it"]),
  "filings.resultDate": w(["结果日期", "Result on"], ["收到评估结果的日期", "the day the result came"]),
  "filings.outcome": w(["评估结果", "Outcome"], ["通过或者不予通过", "passed or refused"]),
};

/** A form field's words; every field of FIELDS has them (test/form-fields.test.ts). */
export const fieldWords = (section: Section, name: string): FieldWords | undefined => FIELD_WORDS[`${section}.${name}`];

/** The "Form labels" block of docs/data-map.md, one line per field. */
export function fieldLabelsMarkdown(): string {
  const lines: string[] = [];
  for (const section of SECTIONS) {
    for (const spec of FIELDS[section]) {
      const words = fieldWords(section, spec.name);
      if (!words) continue;
      lines.push(`- \`${section}.${spec.name}\` — ${words.label.zh}：${words.help.zh} · ${words.label.en}: ${words.help.en}`);
    }
  }
  return lines.join("\n");
}

export const DOC_START = "<!-- form-labels: generated from src/server/field-labels.ts by npm run docs:update -->";
export const DOC_END = "<!-- /form-labels -->";

/** docs/data-map.md with its "Form labels" block replaced by the table above. */
export function withFieldLabels(doc: string): string {
  const a = doc.indexOf(DOC_START);
  const b = doc.indexOf(DOC_END);
  if (a < 0 || b < a) throw new Error(`docs/data-map.md: no "${DOC_START}" … "${DOC_END}" block`);
  return `${doc.slice(0, a + DOC_START.length)}\n\n${fieldLabelsMarkdown()}\n\n${doc.slice(b)}`;
}
