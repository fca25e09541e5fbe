"""The five seed documents parse to their hand-checked answer keys, exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from healthaction.ingest import parse_file

ROOT = Path(__file__).resolve().parents[4]
SEEDS = ROOT / "seeds"
KEYS = SEEDS / "expected"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SECTIONS = ("meta", "goals", "actions", "framework", "committee", "working_groups", "tasks")
META = ("format", "title", "region", "parent_region", "doc_number", "issuer", "issued_date")


def _section(plan: dict[str, Any], section: str) -> Any:
    if section == "meta":
        return {key: plan[key] for key in META}
    return plan[section]


@pytest.fixture(scope="module")
def parsed() -> dict[str, dict[str, Any]]:
    return {path.stem: parse_file(path).model_dump(mode="json") for path in SEED_FILES}


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("seed", [p.stem for p in SEED_FILES])
def test_it_parses_each_seed_section_to_its_key(
    parsed: dict[str, dict[str, Any]], seed: str, section: str
) -> None:
    key = json.loads((KEYS / f"{seed}.json").read_text(encoding="utf-8"))
    assert _section(parsed[seed], section) == _section(key, section)


def test_it_scores_micro_f1_one_with_the_shared_scorer(tmp_path: Path) -> None:
    for path in SEED_FILES:
        out = tmp_path / f"{path.stem}.json"
        out.write_text(parse_file(path).to_json(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "score_plan.py"), "--dir", str(KEYS), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "micro F1 1.0000" in result.stdout, result.stdout
