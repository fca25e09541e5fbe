"""evaluation.md §5.6 from CSV files through the real command: scores.csv equals the spec's table."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from healthaction.cli import main
from healthaction.evaluation_io.tests.worked_example import SCORES, arguments, write_example


def test_it_scores_and_ranks_the_four_counties(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_example(tmp_path)
    scores = tmp_path / "scores.csv"
    assert main([*arguments(paths), "--year", "2022", "--scores", str(scores)]) == 0
    assert scores.read_text(encoding="utf-8") == SCORES
    series = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(series) == 20
    literacy_a = next(r for r in series if r["region"] == "A" and r["indicator"] == "居民健康素养水平")
    assert (literacy_a["status"], literacy_a["ratio"], literacy_a["score_fraction"]) == (
        "OFF_TRACK",
        "0.928571",
        "0.928571",
    )
    assert literacy_a["flags"] == "missed"


def test_it_breaks_ties_by_achieved_series(tmp_path: Path) -> None:
    scores = tmp_path / "scores.csv"
    paths = write_example(tmp_path)
    assert (
        main(
            [
                *arguments(paths),
                "--tie-break",
                "achieved",
                "-o",
                str(tmp_path / "out.csv"),
                "--scores",
                str(scores),
            ]
        )
        == 0
    )
    ranks = {row["region"]: row["rank"] for row in csv.DictReader(scores.open(encoding="utf-8"))}
    assert ranks == {"A": "4", "B": "1", "C": "3", "D": "2"}


def test_it_takes_the_latest_observation_year_without_year(tmp_path: Path) -> None:
    scores = tmp_path / "scores.csv"
    assert (
        main([*arguments(write_example(tmp_path)), "-o", str(tmp_path / "out.csv"), "--scores", str(scores)])
        == 0
    )
    assert scores.read_text(encoding="utf-8") == SCORES


def test_it_writes_the_series_table_in_the_spec_format(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert main([*arguments(write_example(tmp_path)), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "region,indicator,year,status,value,value_year,baseline,baseline_year,target_year,"
        "comparator,target,expected,ratio,score_fraction,weight,flags"
    )
    assert "C,孕产妇死亡率,2022,NO_DATA,,,0,2017,2022,<=,18,,,0,20,missing" in lines
    assert "A,健康科普专家库,2022,ACHIEVED,1,2022,,,2022,achieved,,,,1,10," in lines


def test_it_shows_a_summary_when_writing_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*arguments(write_example(tmp_path)), "-o", str(tmp_path / "out.csv")]) == 0
    shown = capsys.readouterr().out
    for words in ("已达标", "未达标", "无数据", "考核得分与排名", "一票否决：A", "54.57", "不合格"):
        assert words in shown
