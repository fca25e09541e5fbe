"""Thirty-three further real documents collected from other offices (tests/corpus/collected:
county, city and province plans, 爱国卫生 plans, news items and wiki articles, traditional
characters with flattened ruby, disclosure catalogues as tables, one-line .doc previews) parse
close to their hand-made keys.

These were not the documents the parser was first built on; a rule that only fits the twelve
shared documents shows up here as a drop. The floor sits slightly under the level reached
(micro F1 0.928), so that a change which loses ground on documents of other offices fails.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from healthaction.ingest import parse_file

ROOT = Path(__file__).resolve().parents[4]
CORPUS = ROOT / "tests" / "corpus" / "collected"
DOCS = sorted(p for p in (CORPUS / "docs").glob("*.txt") if not p.name.endswith(".source.txt"))
FLOOR = 0.92


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("parsed")
    for path in DOCS:
        (out / f"{path.stem}.json").write_text(parse_file(path).to_json(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "score_plan.py"), "--dir", str(CORPUS / "labels"), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_every_collected_document_has_its_key() -> None:
    assert len(DOCS) >= 33
    assert all((CORPUS / "labels" / f"{p.stem}.json").exists() for p in DOCS)


def test_the_collected_documents_score_a_micro_f1_at_the_level_reached(scores: str) -> None:
    found = re.search(r"micro F1 ([\d.]+)", scores)
    assert found, scores
    assert float(found.group(1)) >= FLOOR, scores
