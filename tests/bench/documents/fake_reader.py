"""A stand-in for ``refusjon extract`` in the documents benchmark's own test: it "reads" each
file by looking up the corpus's truth beside it, then spoils one document's lines while still
calling it reconciled, so the benchmark must report a wrong reconciliation."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

parser = argparse.ArgumentParser()
parser.add_argument("files", nargs="+", type=Path)
parser.add_argument("--out", type=Path, required=True)
arguments = parser.parse_args()
truth_by_file = {}
for path in {file.parent / "truth.jsonl" for file in arguments.files}:
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        truth_by_file[record["file"]] = record
with arguments.out.open("w", encoding="utf-8") as out:
    for index, file in enumerate(arguments.files):
        truth = truth_by_file[file.name]
        lines = truth["lines"][1:] if index == 0 else truth["lines"]
        pages = [{"number": 1, "seconds": 0.01}]
        record = {
            "file": str(file),
            "kind": truth["kind"],
            "name": truth["name"],
            "total": truth["total"],
            "reconciled": True,
            "lines": lines,
            "pages": pages,
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
