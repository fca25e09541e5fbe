"""`healthaction parse FILE [-o OUT.json]`: plan JSON on stdout or in OUT, warnings on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from healthaction.cli import main
from healthaction.ingest.coverage import summary
from healthaction.plan import Plan

ROOT = Path(__file__).resolve().parents[4]
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


def test_it_prints_the_plan_json_on_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["format"] == "healthaction.plan/1"
    assert plan["actions"]


def test_it_writes_the_same_json_to_the_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(SEED)]) == 0
    printed = capsys.readouterr().out
    out = tmp_path / "新文件夹" / "plan.json"
    assert main(["parse", str(SEED), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == printed
    assert not list(out.parent.glob("*.tmp"))


def test_it_reports_each_warning_and_a_coverage_line_on_stderr_naming_the_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        assert main(["parse", str(seed)]) == 0
        captured = capsys.readouterr()
        plan = Plan.model_validate_json(captured.out)
        assert captured.err.splitlines() == [
            *(f"警告：{seed}：{warning}" for warning in plan.warnings),
            f"{seed}：{summary(plan)}",
        ]
        assert summary(plan).startswith("读出 ")


def test_it_parses_a_word_document_with_a_real_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = docx.Document()
    document.add_paragraph("健康某某行动实施方案")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(
        table.rows[0].cells + table.rows[1].cells,
        ("序号", "指标", "2022年", "1", "人均预期寿命（岁）", "74.6"),
        strict=True,
    ):
        cell.text = text
    path = tmp_path / "方案.docx"
    document.save(str(path))
    assert main(["parse", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "healthaction.plan/1"


def test_it_stops_quietly_when_the_reader_of_stdout_goes_away() -> None:
    script = (
        "import subprocess, sys\n"
        f"p = subprocess.Popen([sys.executable, '-m', 'healthaction.cli', 'parse', {str(SEED)!r}],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        "p.stdout.read(10); p.stdout.close()\n"
        "err = p.stderr.read().decode(); p.wait()\n"
        "print(p.returncode, 'Traceback' in err)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.split()[1] == "False", result.stdout
