"""Regenerate data/areacodes.txt from ../shared/data/areacodes.csv (yescallop/areacodes, CC0),
data/areacodes-extra.txt (codes on real ID numbers no yearly edition lists, each with its source),
data/areacodes-historic.txt (the 1980 codes and the ministry's 1990–1994 XX90XX codes yescallop/areacodes
leaves out or rewrote: scripts/build-areacodes-historic.py),
and the 市辖区 codes: every prefecture-level city's PPCC01, the code its districts shared on ID
numbers before they were listed one by one (docs/scanner.md, "Division codes")."""
import csv, os, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
codes = set()
# ../shared beside the checkout, or where SHARED points (a worktree's parent has none).
shared = pathlib.Path(os.environ.get("SHARED", root.parent / "shared"))
with open(shared / "data/areacodes.csv", encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        c = r["代码"].strip()
        if len(c) == 6 and c.isdigit():
            codes.add(c)
            # 市辖区: a prefecture-level city (not a 地区/州/盟, which have no districts), outside the four municipalities.
            if r["级别"] == "地级" and r["名称"].endswith("市") and c.endswith("00") and c[:2] not in ("11", "12", "31", "50"):
                codes.add(c[:4] + "01")
for extra in ("data/areacodes-extra.txt", "data/areacodes-historic.txt"):
    for line in open(root / extra, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            codes.add(line.split()[0])
head = [
    "# GB/T 2260 division codes in use at any time since 1981 (county level and above), one per line.",
    "# Source: yescallop/areacodes (CC0 1.0), via ../shared/data/areacodes.csv (2025-11-04), with each prefecture-level",
    "# city's 市辖区 code (PPCC01), data/areacodes-extra.txt and data/areacodes-historic.txt. ID numbers keep their first code. Regenerate: scripts/build-areacodes.py",
]
(root / "data/areacodes.txt").write_text("\n".join(head) + "\n" + "\n".join(sorted(codes)) + "\n")
print(len(codes), "codes")
