"""Regenerate data/areacodes-historic.txt: GB/T 2260 division codes printed on real ID numbers that
yescallop/areacodes (data/areacodes.txt's source) no longer lists, each with its years in use and source.

Why they are missing (issue 31): yescallop/areacodes starts at 1981 ("1980年数据暂不予收录", its errata.md),
and its erratum of 2025-10-29 (commit 18f6f79, "大勘误") rewrote the Ministry of Civil Affairs' 1990–1994
lists, which gave province-administered county-level cities codes XX90XX (139004 辛集市, 219009 凌源市),
into the codes of the GB/T 2260-1991/1995 editions (XXXX8X). The police issued ID numbers from the
ministry's lists, so both codes stand on valid cards. Sources, both data only:
  [Y] yescallop/areacodes data/YYYY.txt as of commit 18f6f79^ (CC0 1.0): the ministry's lists before the erratum;
      years = the first and last yearly list holding the code.
  [I] idcard 4.2.0 (npm, ISC licence) lib/data/area.json: the GB 2260-80 codes (1980: 132702 海港区,
      152829 凉城县 under the 1980 numbering) and other codes of earlier editions; it gives no years ("-").
Usage: python3 scripts/build-areacodes-historic.py YESCALLOP_GIT_DIR  (a clone of yescallop/areacodes)
"""
import json, pathlib, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
git = sys.argv[1]
# What the other sources give: data/areacodes.txt less this file's own codes (so that a rerun finds them again).
own = set()
if (root / "data/areacodes-historic.txt").exists():
    own = {l.split()[0] for l in open(root / "data/areacodes-historic.txt", encoding="utf-8") if l[:1].isdigit()}
known = set()
for line in open(root / "data/areacodes.txt", encoding="utf-8"):
    line = line.strip()
    if len(line) == 6 and line.isdigit() and line not in own:
        known.add(line)
rows = {}
for year in range(1981, 2025):
    text = subprocess.run(["git", "--git-dir", git, "show", f"18f6f79^:data/{year}.txt"], capture_output=True, text=True).stdout
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 6 and parts[0].isdigit() and parts[0] not in known:
            r = rows.setdefault(parts[0], {"name": parts[1], "years": [], "src": "Y"})
            r["years"].append(year)
area = json.loads((root / "node_modules/idcard/lib/data/area.json").read_text(encoding="utf-8"))
for code, v in area.items():
    if len(code) == 6 and code.isdigit() and code not in known and code not in rows:
        rows[code] = {"name": v["text"], "years": [], "src": "I"}
head = [line for line in __doc__.strip().splitlines()[:-1]]
out = ["# " + line if line else "#" for line in head]
out.append("# code  name  years (first–last yearly list; - unknown)  source")
for code in sorted(rows):
    r = rows[code]
    years = f"{r['years'][0]}–{r['years'][-1]}" if r["years"] else "-"
    out.append(f"{code} {r['name']} {years} [{r['src']}]")
(root / "data/areacodes-historic.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
print(len(rows), "codes")
