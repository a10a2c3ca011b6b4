"""Regenerate data/areanames.txt from ../shared/data/areacodes.csv (yescallop/areacodes, CC0): each GB/T 2260
division code with the place name a filing writes for it (北京市西城区, 深圳市南山区, 广东省深圳市, 广东省) — the
latest name of the code (the one in use, else the last one used). src/engine/names.ts reads it."""
import csv, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
best = {}
src = next(p for p in (root.parent / "shared/data/areacodes.csv", root.parent.parent / "shared/data/areacodes.csv") if p.exists())
with open(src, encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        c = r["代码"].strip()
        if not (len(c) == 6 and c.isdigit()):
            continue
        prov, pref, name, level = r["一级行政区"], r["二级行政区"], r["名称"], r["级别"]
        if level == "省级":
            full = name
        elif level == "地级":
            full = prov + name
        elif pref in ("", "直辖") or pref.endswith("直辖"):
            full = prov + name
        else:
            full = pref + name
        rank = (r["状态"] == "在用", r["启用时间"])
        if c not in best or rank > best[c][0]:
            best[c] = (rank, full)
head = [
    "# GB/T 2260 division code and the place name a filing writes for it, tab-separated (the latest name of each code).",
    "# Source: yescallop/areacodes (CC0 1.0), via ../shared/data/areacodes.csv (2025-11-04). Regenerate: scripts/build-areanames.py",
]
(root / "data/areanames.txt").write_text("\n".join(head) + "\n" + "\n".join(f"{c}\t{best[c][1]}" for c in sorted(best)) + "\n")
print(len(best), "names")
