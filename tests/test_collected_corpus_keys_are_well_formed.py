"""The collected corpus (tests/corpus/collected) is usable for measuring the parser.

Every document has its source note and its hand-made key, and every key is a plan the plan format
accepts once the corpus-only keys are set aside: `_partial` and `_notes` on the plan, `truncated` on
an item the excerpt cuts off, and `goals` (a plan-format amendment the model may not carry yet),
whose items must each be a valid Target. A malformed key would make the F1 figures meaningless
without anyone noticing, so it fails here instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from healthaction.plan import Plan, Target

CORPUS = Path(__file__).resolve().parent / "corpus" / "collected"
DOCS = CORPUS / "docs"
LABELS = CORPUS / "labels"
TEXTS = sorted(p for p in DOCS.glob("*.txt") if not p.name.endswith(".source.txt"))
KEYS = sorted(LABELS.glob("*.json"))
PLAN_ONLY = ("_partial", "_notes", "goals")
ITEM_SECTIONS = ("actions", "framework", "committee", "working_groups", "tasks")


def _strip(key: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The key without corpus-only keys, and how many items were marked truncated."""
    plan = {k: v for k, v in key.items() if k not in PLAN_ONLY}
    truncated = 0
    for section in ITEM_SECTIONS:
        items = []
        for item in plan.get(section, []):
            if item.get("truncated"):
                truncated += 1
            items.append({k: v for k, v in item.items() if k != "truncated"})
        plan[section] = items
    return plan, truncated


def test_there_are_at_least_twenty_documents_each_with_a_key() -> None:
    assert len(TEXTS) >= 20
    assert [p.stem for p in TEXTS] == [p.stem for p in KEYS]


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_each_document_has_a_source_note_naming_where_it_came_from(text: Path) -> None:
    note = text.with_name(f"{text.stem}.source.txt")
    assert note.exists(), f"{note.name} 缺失"
    body = note.read_text(encoding="utf-8")
    assert "http" in body, f"{note.name} 未写明来源地址"
    assert "Retrieved" in body, f"{note.name} 未写明获取日期"
    assert text.read_text(encoding="utf-8").strip(), f"{text.name} 为空"


@pytest.mark.parametrize("path", KEYS, ids=lambda p: p.stem)
def test_each_key_is_a_valid_plan_with_its_judgement_calls_noted(path: Path) -> None:
    key = json.loads(path.read_text(encoding="utf-8"))
    plan, truncated = _strip(key)
    Plan.model_validate(plan)
    for goal in key.get("goals", []):
        Target.model_validate(goal)
    assert isinstance(key.get("_partial"), bool), f"{path.name}: _partial 应为 true/false"
    assert key.get("_notes"), f"{path.name}: 缺少 _notes"
    # An item can only be cut off where the excerpt itself is partial.
    assert not truncated or key["_partial"], f"{path.name}: 有 truncated 条目却未标 _partial"
