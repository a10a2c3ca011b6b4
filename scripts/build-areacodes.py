"""Regenerate data/areacodes.txt from ../shared/data/areacodes.csv (yescallop/areacodes, CC0)."""
import csv, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
codes = set()
with open(root.parent / "shared/data/areacodes.csv", encoding="utf-8-sig") as f:
    for r in csv.DictReader(f):
        c = r["代码"].strip()
        if len(c) == 6 and c.isdigit():
            codes.add(c)
head = open(root / "data/areacodes.txt").read().split("\n")[:3]
(root / "data/areacodes.txt").write_text("\n".join(head) + "\n" + "\n".join(sorted(codes)) + "\n")
print(len(codes), "codes")
