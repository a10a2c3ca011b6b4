import type { Instrument } from "../instrument.js";

/**
 * 个人信息出境认证办法 — Measures for the Certification of Outbound Transfers of PI (CAC Order
 * No. 20) *(secondary)*: in force 2026-01-01; open in the same band as the standard contract
 * (CBDF-2024 Art 8); certificates valid 3 years. Source: regulations.md §4. The article number of
 * its scope provision is from secondary reports: re-check against the official text.
 */
export const CERT_2025 = {
  id: "CERT-2025",
  name: { zh: "个人信息出境认证办法", en: "Measures for the Certification of Outbound Transfers of Personal Information" },
  shortName: { zh: "认证办法", en: "CERT-2025" },
  issuer: { zh: "国家互联网信息办公室令第20号", en: "CAC Order No. 20" },
  inForce: "2026-01-01",
  source: "regulations.md §4 (secondary)",
  provisions: {
    art3: {
      cite: { instrument: "CERT-2025", article: 3 },
      summary: {
        zh: "关键信息基础设施运营者以外的个人信息处理者，自当年1月1日起累计向境外提供10万人以上、不满100万人个人信息（不含敏感个人信息）或者不满1万人敏感个人信息的，可以通过个人信息保护认证的方式向境外提供个人信息",
        en: "A non-CIIO that has sent, since 1 January, PI of 100,000–999,999 people (not sensitive PI) or sensitive PI of fewer than 10,000 people may send PI abroad on the strength of PI protection certification",
      },
      secondary: true,
    },
  },
} as const satisfies Instrument;
