/** A field path as users write it: `transfers[1].persons.general`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let s = "";
  for (const p of path) {
    if (typeof p === "number") s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s || "(top level)";
}
