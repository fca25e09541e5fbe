"""With many regions the terminal shows the status counts, the ten highest and ten lowest final
scores and where the full ranking is, not a table of every county (2,844 nationally)."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.cli import main


def test_it_shows_the_ends_of_the_ranking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    counties = [f"县{i:02d}" for i in range(25)]
    targets = "region,indicator,year,comparator,value\n" + "".join(
        f"{c},某指标,2022,>=,50\n" for c in counties
    )
    observations = "region,indicator,year,value\n" + "".join(
        f"{c},某指标,2022,{20 + i}\n" for i, c in enumerate(counties)
    )
    for name, text in (("targets", targets), ("observations", observations)):
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    args = [
        "evaluate",
        "--targets",
        str(tmp_path / "targets.csv"),
        "--observations",
        str(tmp_path / "observations.csv"),
    ]
    scores = tmp_path / "scores.csv"
    assert main([*args, "-o", str(tmp_path / "out.csv"), "--scores", str(scores)]) == 0
    shown = capsys.readouterr().out
    assert "最终得分最高的10个地区" in shown
    assert "最终得分最低的10个地区" in shown
    assert "县24" in shown
    assert "县00" in shown
    assert "县12" not in shown
    assert "共25个地区" in shown
    assert "完整排名见" in shown
    assert len(scores.read_text(encoding="utf-8").splitlines()) == 26
