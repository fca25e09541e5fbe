#!/usr/bin/env python3
"""Parse every document of a corpus folder and score it against its hand-made key.

usage: score_corpus.py [CORPUS_DIR ...] [--detail]
       (default: tests/corpus/collected; also works on ../shared/corpus)

A corpus folder holds docs/NN_name.txt (the text as retrieved), docs/NN_name.source.txt (where it
came from) and labels/NN_name.json (the answer key). Each text is parsed in-process with the
current parser; the plans are scored with tools/score_plan.py, the same scorer the seeds and the
shared corpus use. Prints each document's F1 and its sections, the micro F1 of the folder, and the
micro F1 per shape (table / task list / member list / prose, read from which sections the key
fills), so that a rule tuned to one shape shows up as a drop on another.

A parser crash is reported for that document and scored as an empty plan: the run goes on.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "src"))

import score_plan  # noqa: E402  (a script next to this one, not a package)


def shape_of(key: dict) -> str:
    """The document's shape, from the sections its key fills (most specific first)."""
    if key.get("framework"):
        return "table"
    if key.get("tasks"):
        return "task list"
    if key.get("committee") or key.get("working_groups"):
        return "member list"
    return "prose"


def parse(path: Path) -> dict:
    from healthaction.ingest import parse_file

    return parse_file(path).model_dump(mode="json")


def score_dir(corpus: Path, detail: bool) -> score_plan.Tally:
    labels = sorted((corpus / "labels").glob("*.json"))
    total = score_plan.Tally()
    shapes: dict[str, score_plan.Tally] = defaultdict(score_plan.Tally)
    print(f"== {corpus}")
    for label in labels:
        key = json.loads(label.read_text(encoding="utf-8"))
        doc = corpus / "docs" / f"{label.stem}.txt"
        try:
            pred = parse(doc)
            crash = ""
        except Exception:  # a crash is a result to report, not a reason to stop scoring
            pred = {}
            crash = " CRASH: " + traceback.format_exc().strip().splitlines()[-1]
        sections = score_plan.score(key, pred)
        tally = score_plan.Tally()
        for s in sections.values():
            tally.add(s)
        total.add(tally)
        shape = shape_of(key)
        shapes[shape].add(tally)
        parts = " ".join(f"{k}={v.f1():.3f}" for k, v in sections.items())
        print(f"{label.stem}: F1={tally.f1():.3f} [{shape}] ({parts}){crash}")
        if detail:
            for miss in tally.misses[:40]:
                print("   ", miss)
    for shape, t in sorted(shapes.items()):
        n = sum(1 for lb in labels if shape_of(json.loads(lb.read_text(encoding="utf-8"))) == shape)
        print(f"  shape {shape}: micro F1 {t.f1():.4f} over {n} documents (tp={t.tp} fp={t.fp} fn={t.fn})")
    print(f"micro F1 {total.f1():.4f} (tp={total.tp} fp={total.fp} fn={total.fn})")
    return total


def main(argv: list[str]) -> int:
    detail = "--detail" in argv
    dirs = [Path(a) for a in argv if a != "--detail"] or [ROOT / "tests" / "corpus" / "collected"]
    for corpus in dirs:
        score_dir(corpus, detail)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
