/** One CSV line split into fields (RFC 4180 quotes, `""` inside quotes); undefined if a quote is left open. */
export function splitCsvLine(line: string, delimiter: string): string[] | undefined {
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (q) return undefined;
  out.push(cur);
  return out;
}
