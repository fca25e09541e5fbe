"""`healthaction schema` prints a valid JSON Schema, and every parse output validates against it."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from healthaction.cli import main

ROOT = Path(__file__).resolve().parents[4]
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """The schema as `healthaction schema` prints it."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["schema"]) == 0
    loaded: dict[str, Any] = json.loads(out.getvalue())
    return loaded


def test_it_prints_a_valid_json_schema_of_the_plan_format(schema: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == "healthaction.plan/1"
    assert {"format", "actions", "framework", "committee", "working_groups", "tasks"} <= set(
        schema["properties"]
    )


def test_it_rejects_a_plan_that_breaks_the_format(schema: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "healthaction.plan/1", "actions": [{"seq": "一"}]}, schema)


@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_every_seed_parse_output_validates_against_the_schema(
    schema: dict[str, Any], seed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(seed)]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)
