/** `xborder ftz` as a page for a person: each list in force, what it rests on, what is unverified. */
import type { FtzStatus, Mark } from "../law/ftz.js";
import type { Lang } from "../law/index.js";

const MARK: Record<Mark, { zh: string; en: string }> = {
  official: { zh: "官方", en: "official" },
  secondary: { zh: "二手", en: "secondary" },
  unverified: { zh: "未核实", en: "unverified" },
};

export function renderFtz(s: FtzStatus, lang: Lang): string {
  const zh = lang === "zh";
  const m = (k: Mark) => MARK[k][lang];
  const sep = zh ? "：" : ": ";
  const lines: string[] = [];
  lines.push(zh ? `自由贸易试验区数据出境负面清单 — ${s.asOf}` : `Free-trade-zone data-export negative lists — ${s.asOf}`);
  lines.push(
    zh
      ? "只有处理者登记在该区、不是关键信息基础设施运营者、出境活动在清单覆盖范围内、数据不在清单内、并已办理该区程序时，才依照《促进和规范数据跨境流动规定》第六条免予申报；否则按国家规定（问答第8问）。"
      : "CBDF-2024 Art 6 exempts only a processor registered in the zone, not a CIIO, whose transfer the list covers, whose data hits no listed row, and that has done the zone's procedure; otherwise national rules apply (Q&A Q8).",
  );
  if (s.inForce.length === 0) lines.push("", zh ? "该日没有可适用的清单。" : "No list can be relied on on this date.");
  for (const l of s.inForce) {
    lines.push("");
    lines.push(`■ ${zh ? l.zoneName.zh : l.zoneName.en} (${l.zone}, ${l.edition})`);
    lines.push(`  《${l.title}》${l.titleMark ? ` [${m(l.titleMark)}]` : ""}`);
    lines.push(
      zh
        ? `  发布：${l.published.date} [${m(l.published.mark)}]；施行：${l.effective.date ?? "未知，按发布日"} [${m(l.effective.mark)}]；可适用自 ${l.from}`
        : `  published ${l.published.date} [${m(l.published.mark)}]; effective ${l.effective.date ?? "unknown: read from publication"} [${m(l.effective.mark)}]; relied on from ${l.from}`,
    );
    if (l.issuers.length)
      lines.push(`  ${zh ? "发布机关" : "issued by"}${sep}${l.issuers.map((i) => `${i.name} [${m(i.mark)}]`).join(zh ? "、" : ", ")}`);
    const structure =
      l.structure === "classification"
        ? zh
          ? "分类清单，覆盖所有行业"
          : "classification list covering every sector"
        : zh
          ? "行业、场景清单：只覆盖所列行业和场景（出境活动须写明 ftzCovered: true）"
          : "sector/scenario list: covers the listed sectors and scenarios only (declare ftzCovered: true)";
    lines.push(`  ${zh ? "结构" : "structure"}${sep}${structure}${l.structureMark ? ` [${m(l.structureMark)}]` : ""}`);
    lines.push(
      `  ${zh ? "适用范围" : "scope"}${sep}${l.scope.registration === "city" ? (zh ? "全市" : "city-wide") : zh ? "登记在区内" : "registered in the zone"}; ${zh ? "关键信息基础设施运营者" : "CIIOs"} ${l.scope.excludesCiio.value ? (zh ? "不适用" : "excluded") : zh ? "可适用" : "included"} [${m(l.scope.excludesCiio.mark)}]`,
    );
    const proc =
      l.procedure.required === true
        ? zh
          ? "须办理"
          : "required"
        : l.procedure.required === false
          ? zh
            ? "未见"
            : "none found"
          : zh
            ? "未知"
            : "unknown";
    lines.push(
      `  ${zh ? "该区程序" : "zone procedure"}${sep}${proc} — ${zh ? l.procedure.description.zh : l.procedure.description.en} [${m(l.procedure.mark)}]`,
    );
    if (l.sectors !== "all" && l.sectors.length) {
      lines.push(`  ${zh ? "已知行业" : "known sectors"}${sep}${l.sectors.map((x) => `${x.name} [${m(x.mark)}]`).join(zh ? "、" : ", ")}`);
    }
    for (const r of l.rows)
      lines.push(`  ${zh ? "已知条目" : "known row"}${sep}${r.sector} / ${r.scenario}${sep}${r.item} → ${r.mechanism} [${m(r.mark)}]`);
    lines.push(`  ${zh ? "清单外数据" : "unlisted data"}${sep}${zh ? l.unlisted.zh : l.unlisted.en} [${m(l.unlisted.mark)}]`);
    lines.push(`  ${zh ? "来源" : "sources"}${sep}`);
    for (const src of l.sources) lines.push(`    - ${src.url} [${m(src.mark)}]${src.note ? ` (${src.note})` : ""}`);
    if (l.unverified.length) {
      lines.push(`  ${zh ? "未核实" : "unverified"}${sep}`);
      for (const u of l.unverified) lines.push(`    - ${u}`);
    }
  }
  if (s.notYet.length) {
    lines.push("", zh ? "尚未可适用：" : "Not yet in force:");
    for (const l of s.notYet) lines.push(`  - ${l.zone} ${l.edition}: 《${l.title}》 ${zh ? "自" : "from"} ${l.from}`);
  }
  lines.push(
    "",
    zh ? "其他自贸区（如广东）：未确认已发布清单，按国家规定。" : "Other zones (e.g. Guangdong): no list confirmed; national rules apply.",
  );
  return `${lines.join("\n")}\n`;
}
