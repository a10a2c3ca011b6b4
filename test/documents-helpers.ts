/** Reading filing documents back for the tests: the zh body's text without the map's own free text. */
import yauzl from "yauzl";
import type { DataMap } from "../src/engine/datamap.js";

/** The company's own words in the map (names, places, descriptions, statements): Latin letters there are not codes. */
export function freeText(map: DataMap): string[] {
  const p = map.processor;
  const c = [p.dataSecurityContact, p.filingAgent].flatMap((x) => (x ? [x.name, x.title, x.phone, x.email] : []));
  return [
    p.name,
    p.address,
    p.legalRepresentative,
    ...c,
    ...map.recipients.map((r) => r.name),
    ...map.transfers.flatMap((t) => [t.storagePlace, t.storageSystems, t.recipientUse, t.purposeText, ...(t.onwardRecipients ?? [])]),
    ...map.scenarios.flatMap((s) => [s.name, ...s.items.flatMap((i) => [i.name, i.description, i.necessity, i.example, i.note])]),
    ...Object.values(map.statements ?? {}).flatMap((s) => Object.values(s)),
    ...map.audits.map((a) => a.firm),
  ]
    .filter((s): s is string => !!s)
    .sort((a, b) => b.length - a.length);
}

/** The body of an HTML document: no cover, no working notes, no footnotes, no tags. */
export function htmlBody(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<section class="(cover|notes|footnotes)">[\s\S]*?<\/section>/g, "")
    .replace(/<sup>[\s\S]*?<\/sup>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;/g, " ");
}

/** English-looking tokens (a code such as financial_account, HK, 110102 is not one: those are checked apart) left in a zh text. */
export function codeTokens(text: string, map: DataMap, o: { cells?: boolean } = {}): string[] {
  let t = text;
  for (const s of freeText(map)) t = t.split(s).join(" ");
  const found = [...new Set(t.match(/[a-z_]{3,}/g) ?? [])];
  if (!o.cells) return found;
  // cells: text whose table cells were interleaved line by line (a PDF's) — a token of the company's own words is theirs.
  const own = new Set(
    freeText(map)
      .join(" ")
      .match(/[a-z_]{3,}/g) ?? [],
  );
  return found.filter((x) => !own.has(x));
}

/** One part of a DOCX (a zip) as text. */
export function part(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on("entry", (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on("data", (c: Buffer) => chunks.push(c));
          s.on("end", () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString("utf8"));
          });
        });
      });
      zip.on("end", () => reject(new Error(`${name} not in ${file}`)));
      zip.readEntry();
    });
  });
}

/** The paragraphs of document.xml: style id and text. */
export function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? "",
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  }));
}
