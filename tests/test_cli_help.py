"""Every command in README.md's command table is one `healthaction --help` offers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\|\s*`healthaction\s+([a-z][a-z-]*)", text, flags=re.MULTILINE)


def test_the_readme_lists_commands() -> None:
    assert "parse" in _readme_commands()


def test_every_readme_command_appears_in_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "healthaction.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    offered = set(re.findall(r"\{([a-z,-]+)\}", result.stdout)[0].split(","))
    missing = [command for command in _readme_commands() if command not in offered]
    assert not missing, f"README.md lists commands that `healthaction --help` lacks: {missing}"


def test_bad_input_exits_2_with_one_line_also_when_run_as_a_module(tmp_path: Path) -> None:
    """`python -m healthaction.cli` is the same command as `healthaction`: bad input is a message, not a
    traceback (the module run as __main__ once caught its own copy of BadInput and missed the commands')."""
    missing = tmp_path / "无此文件.csv"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "healthaction.cli",
            "evaluate",
            "--targets",
            str(missing),
            "--observations",
            str(missing),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "无此文件.csv" in result.stderr
