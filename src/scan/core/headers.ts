/**
 * What a column header says (Chinese and English). Headers only widen what values may be
 * (an 8-digit number under 台胞证 is a Taiwan permit; decimals under 纬度 are latitudes) or
 * mark a column's sensitive category; a header alone never creates an entity.
 */
import { C_BIOMETRIC, C_MEDICAL, C_RELIGION, C_SPECIFIC_IDENTITY } from "./entities.js";
import { HINT_COORDINATE, HINT_LATITUDE, HINT_LONGITUDE, HINT_TAIWAN_PERMIT } from "./field-scanner.js";

export interface HeaderMeaning {
  hints: number;
  /** Sensitive categories the header itself names (bitmask). */
  categories: number;
  name: boolean;
  address: boolean;
  /**
   * The column holds the exporter's own record numbers (编号, 订单号, customer_no …): letter +
   * digits values there (C00012345) are not read as passports or permits.
   */
  recordNumber: boolean;
  /** Whose the column is (issue 31 §7): 0 the record's own person, else a ROLES index (紧急联系人 …). */
  role: number;
}

/**
 * The people a record can hold besides its own (PIPL counts every natural person whose information
 * leaves): a column whose header names one of these roles holds that person's name, mobile or ID.
 */
export const ROLES = ["self", "emergency_contact", "contact", "recipient", "spouse", "guardian"] as const;
const ROLE_HEADERS: [RegExp, number][] = [
  [/紧急联系|emergency/i, 1], // 紧急联系人, 紧急联系电话
  [/联系人|contact_?(?:person|name)/i, 2], // not 联系电话 / contact_phone: the record's own contact details
  [/收件人|收货人|recipient|consignee|receiver/i, 3],
  [/配偶|spouse/i, 4],
  [/监护人|guardian/i, 5],
];

/** The role a header names, or 0 (the record's own person). */
export function roleOf(header: string): number {
  for (const [re, role] of ROLE_HEADERS) if (re.test(header)) return role;
  return 0;
}

const CATEGORY_HEADERS: [RegExp, number][] = [
  [
    /诊断|病历|病史|病情|疾病|医疗|健康|症状|处方|用药|过敏|检验|体检|diagnos|medical|health|illness|disease|symptom|prescription|allerg/i,
    C_MEDICAL,
  ],
  [/宗教|信仰|religio|faith/i, C_RELIGION],
  [/指纹|人脸|面部|虹膜|声纹|基因|biometric|fingerprint|face_?(?:id|feature|template)|iris|dna/i, C_BIOMETRIC],
  [/犯罪|前科|残疾|残障|性取向|政治面貌|criminal|disabilit|sexual_?orientation/i, C_SPECIFIC_IDENTITY],
];

/**
 * The exporter's own numbering: 编号, 订单号, 运单号, 流水号, 交易号, order_no, tracking, customer_id, a bare `id` … Read on the last
 * segment of a path (`trip.order_no`, `Sheet1!编号`), and never when it names a document (证件号, passport_no).
 */
function isRecordNumber(header: string): boolean {
  const last = header.split(/[.!]/).pop() ?? header;
  if (/证|护照|通行|passport|permit|document|doc_?no/i.test(header)) return false;
  return /编号|编码|单号|订单|流水|交易号|序号|客户号|会员号|工号|批次|^id$|order|invoice|customer|member|serial|sku|ticket|batch|record|tracking|waybill|txn|transaction/i.test(
    last,
  );
}

export function readHeader(header: string): HeaderMeaning {
  const h = header.trim();
  let hints = 0;
  if (/台胞|台湾居民|taiwan_?permit|mtp/i.test(h)) hints |= HINT_TAIWAN_PERMIT;
  if (/纬度|^lat(?:itude)?$|[._]lat(?:itude)?$/i.test(h)) hints |= HINT_LATITUDE;
  if (/经度|^(?:lng|lon|long|longitude)$|[._](?:lng|lon|longitude)$/i.test(h)) hints |= HINT_LONGITUDE;
  if (/坐标|位置|定位|location|coord|gcj02|wgs84|bd09|gps/i.test(h)) hints |= HINT_COORDINATE;
  let categories = 0;
  for (const [re, c] of CATEGORY_HEADERS) if (re.test(h)) categories |= c;
  return {
    hints,
    categories,
    name: /姓名|名字|联系人|收件人|收货人|持卡人|患者|客户名|真实姓名|^(?:full_?|real_?|user_?|customer_?|contact_?)?name$/i.test(h),
    address: /地址|住址|住所|居住地|户籍|address|addr$/i.test(h),
    recordNumber: isRecordNumber(h),
    role: roleOf(h),
  };
}
