"""The indicators, regions and adjustments files: what they change, and their bad cells."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from healthaction.cli import main

TARGETS = """region,indicator,year,comparator,value,unit
甲县,人均预期寿命,2022,=,75,岁
乙县,人均预期寿命,2022,=,75,岁
"""
OBSERVATIONS = "region,indicator,year,value\n甲县,人均预期寿命,2021,76\n乙县,人均预期寿命,2021,74\n"


def _files(tmp_path: Path, **extra: str) -> list[str]:
    texts = {"targets": TARGETS, "observations": OBSERVATIONS, **extra}
    args = ["evaluate"]
    for name, text in texts.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        args += [f"--{name}", str(tmp_path / f"{name}.csv")]
    return args


def _series(out: str) -> dict[str, dict[str, str]]:
    return {row["region"]: row for row in csv.DictReader(io.StringIO(out))}


def test_the_catalog_reads_a_bare_number_as_at_least(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_files(tmp_path)) == 0
    rows = _series(capsys.readouterr().out)
    assert (rows["甲县"]["comparator"], rows["甲县"]["status"]) == (">=", "ACHIEVED")


def test_the_indicators_file_comes_before_the_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    indicators = "indicator,polarity,weight\n人均预期寿命,0,2\n"
    assert main(_files(tmp_path, indicators=indicators)) == 0
    rows = _series(capsys.readouterr().out)
    assert (rows["甲县"]["comparator"], rows["甲县"]["status"], rows["甲县"]["weight"]) == (
        "=",
        "LAGGING",
        "2",
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "indicators",
            "indicator,polarity\n人均预期寿命,高\n",
            "indicators.csv 第2行 polarity 列：应为 +1、-1 或 0",
        ),
        (
            "indicators",
            "indicator,weight\n人均预期寿命,-1\n",
            "indicators.csv 第2行 weight 列：权重不能为负数",
        ),
        ("regions", "region\n甲县\n", "regions.csv 第1行：缺少列 parent"),
        ("regions", "region,parent\n甲县,某市\n甲县,某市\n", "regions.csv 第3行 region 列：地区「甲县」重复"),
        (
            "adjustments",
            "region,year,kind,points\n甲县,2021,奖励,1\n",
            "adjustments.csv 第2行 kind 列：应为 bonus",
        ),
        (
            "adjustments",
            "region,year,kind,points\n甲县,2021,bonus,\n",
            "adjustments.csv 第2行 points 列：应为数字",
        ),
        (
            "baselines",
            "region,indicator,year,value\n甲县,人均预期寿命,二〇一七,74\n",
            "baselines.csv 第2行 year 列",
        ),
    ],
)
def test_it_names_the_bad_cell_of_a_settings_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    assert main(_files(tmp_path, **{name: text})) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"healthaction: {message}")
    assert err.count("\n") == 1


def test_it_needs_a_year_when_nothing_was_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_files(tmp_path, observations="region,indicator,year,value\n甲县,人均预期寿命,2021,\n")) == 2
    assert "请用 --year 指定" in capsys.readouterr().err
