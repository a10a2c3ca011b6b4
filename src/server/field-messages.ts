/**
 * The data map's validation messages in the interface's language. The validation
 * (src/engine/datamap.ts) words them in English for the command line; the forms show the
 * Chinese of each known message, and an unknown one as it is.
 */
import type { Lang } from "../law/index.js";

const ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^required$/, () => "必填"],
  [/^expected a whole number ≥ 0$/, () => "应为不小于0的整数"],
  [/^expected true or false$/, () => "应为“是”或者“否”"],
  [/^expected text$/, () => "应为文字"],
  [/^expected a non-empty id$/, () => "编号不能为空"],
  [/^expected a date YYYY-MM-DD$/, () => "应为日期（年-月-日，如 2026-01-31）"],
  [/^expected one of (.+), got (.+)$/, (m) => `应为 ${m[1]} 之一，实际为 ${m[2]}`],
  [/^expected a 6-digit GB\/T 2260 division code such as 440300$/, () => "应为6位行政区划代码（GB/T 2260），如 440300"],
  [
    /^expected an ISO 3166-1 alpha-2 code/,
    () => "应为国家或者地区的两位字母代码（ISO 3166-1，如 US、HK、MO），境内接收方填6位行政区划代码",
  ],
  [/^duplicate id (.+)$/, (m) => `编号 ${m[1]} 重复`],
  [/^no dataset with id (.+)$/, (m) => `没有编号为 ${m[1]} 的数据集`],
  [/^no recipient with id (.+)$/, (m) => `没有编号为 ${m[1]} 的境外接收方`],
  [/^no transfer with id (.+)$/, (m) => `没有编号为 ${m[1]} 的出境活动`],
  [/^required with outcome$/, () => "填写评估结果时必填"],
  [/^required for a (\w+) filing$/, (m) => `${m[1]} 备案必填`],
  [/^(\S+) is before (\w+) (\S+)$/, (m) => `${m[1]} 早于 ${m[2]} ${m[3]}`],
];

/** A validation message as the interface shows it. */
export function fieldMessage(message: string, lang: Lang): string {
  if (lang !== "zh") return message;
  for (const [re, say] of ZH) {
    const m = message.match(re);
    if (m) return say(m);
  }
  return message;
}
