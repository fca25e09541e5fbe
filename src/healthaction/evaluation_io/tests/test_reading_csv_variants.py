"""What the CSV reader accepts: BOM, GB18030, full-width numbers, extra columns, 是/否, unit conversion."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from healthaction.cli import main

TARGETS = """region,indicator,year,comparator,value,unit,备注
平川区,居民健康素养水平,2022,≥,２２,％,国家目标
平川区,婴儿死亡率,2022,<=,7.5,‰,
平川区,科普专家库,2022,实现,,,
"""
BASELINES = "region,indicator,year,value\n平川区,居民健康素养水平,2017,８\n平川区,婴儿死亡率,2017,\n"
OBSERVATIONS = """region,indicator,year,value,unit
平川区,居民健康素养水平,2021,１９,
平川区,婴儿死亡率,2021,0.51,%
平川区,婴儿死亡率,2020,,
平川区,科普专家库,2021,true,
平川区,不考核的指标,2021,任意文字,
"""


def _evaluate(tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, str]]:
    for name, text in (("targets", TARGETS), ("baselines", BASELINES), ("observations", OBSERVATIONS)):
        (tmp_path / f"{name}.csv").write_bytes(text.encode(encoding))
    args = ["evaluate", "--year", "2021"]
    for name in ("targets", "baselines", "observations"):
        args += [f"--{name}", str(tmp_path / f"{name}.csv")]
    assert main(args) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    return {row["indicator"]: row for row in rows}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_it_reads_each_encoding_alike(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _evaluate(tmp_path, encoding, capsys)
    literacy = rows["居民健康素养水平"]
    assert (literacy["status"], literacy["value"], literacy["target"], literacy["expected"]) == (
        "ON_TRACK",
        "19",
        "22",
        "19.2",
    )


def test_it_converts_an_observation_unit_into_the_target_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    infant = _evaluate(tmp_path, "utf-8", capsys)["婴儿死亡率"]
    assert (infant["value"], infant["status"], infant["flags"]) == ("5.1", "ACHIEVED", "early")


def test_it_reads_achieved_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _evaluate(tmp_path, "utf-8", capsys)["科普专家库"]["status"] == "ACHIEVED"


def test_it_assesses_only_series_with_a_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert set(_evaluate(tmp_path, "utf-8", capsys)) == {"居民健康素养水平", "婴儿死亡率", "科普专家库"}
