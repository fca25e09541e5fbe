"""Chinese headers, units inside values, 2022年, ≥22 in one cell, polarity words, survey intervals:
what `evaluate` accepts from a table typed by hand, and what it still refuses (evaluation.md §1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from healthaction.cli import main
from healthaction.cli_evaluate import assessment_year


def _evaluate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str, **files: str
) -> tuple[int, dict[str, dict[str, str]], str]:
    args = ["evaluate", *extra]
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        args += [f"--{name}", str(tmp_path / f"{name}.csv")]
    code = main(args)
    captured = capsys.readouterr()
    rows = {row["indicator"]: row for row in csv.DictReader(io.StringIO(captured.out))} if code == 0 else {}
    return code, rows, captured.err


def test_chinese_headers_units_in_values_and_years_with_nian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = (
        "地区,指标,年份,目标,单位\n甲县,居民健康素养水平,2022年,≥22,%\n甲县,孕产妇死亡率,2022年,≤18/10万,\n"
    )
    observations = (
        "地区,指标,年份,数值\n甲县,居民健康素养水平,2021年,27.78%\n甲县,孕产妇死亡率,2021年,15.7/10万\n"
    )
    code, rows, _err = _evaluate(
        tmp_path, capsys, "--year", "2021", targets=targets, observations=observations
    )
    assert code == 0
    literacy, maternal = rows["居民健康素养水平"], rows["孕产妇死亡率"]
    assert (literacy["comparator"], literacy["target"], literacy["value"], literacy["status"]) == (
        ">=", "22", "27.78", "ACHIEVED",
    )  # fmt: skip
    assert (maternal["comparator"], maternal["target"], maternal["value"]) == ("<=", "18", "15.7")


def test_a_comparator_written_in_the_value_cell_is_split_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = "region,indicator,year,comparator,value,unit\n甲县,居民健康素养水平,2022,,≥22,%\n"
    observations = "region,indicator,year,value\n甲县,居民健康素养水平,2021,19\n"
    code, rows, _err = _evaluate(tmp_path, capsys, targets=targets, observations=observations)
    assert code == 0
    assert (rows["居民健康素养水平"]["comparator"], rows["居民健康素养水平"]["target"]) == (">=", "22")


@pytest.mark.parametrize(
    ("targets", "observations", "message"),
    [
        (
            "region,indicator,year,comparator,value,unit\n甲县,居民健康素养水平,2022,,22,%\n",
            "region,indicator,year,value\n甲县,居民健康素养水平,2021,19\n",
            "targets.csv 第2行 comparator 列：缺少比较符（可用：",
        ),
        (
            "region,indicator,year,comparator,value,unit\n甲县,居民健康素养水平,2022,<=,≥22,%\n",
            "region,indicator,year,value\n甲县,居民健康素养水平,2021,19\n",
            "targets.csv 第2行 comparator 列：比较符「<=」与数值「≥22」中的比较符不一致",
        ),
        (
            "region,indicator,year,comparator,value,unit\n甲县,居民健康素养水平,2022,>=,22,%\n",
            "region,indicator,year,value,unit\n甲县,居民健康素养水平,2021,19‰,%\n",
            "observations.csv 第2行 value 列：数值「19‰」带的单位「‰」与 unit 列的「%」不一致",
        ),
        (
            "region,indicator,year,comparator,value,unit\n甲县,居民健康素养水平,2022,>=,22,%\n",
            "region,indicator,year,value\n甲县,居民健康素养水平,2021,约19%\n",
            "observations.csv 第2行 value 列：应为数字，实际为「约19%」",
        ),
    ],
)
def test_what_is_still_refused_names_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], targets: str, observations: str, message: str
) -> None:
    code, _rows, err = _evaluate(tmp_path, capsys, targets=targets, observations=observations)
    assert code == 2
    assert err.startswith(f"healthaction: {message}")
    assert err.count("\n") == 1


def test_polarity_is_read_as_the_reference_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = "region,indicator,year,comparator,value\n甲县,某指标,2022,=,75\n"
    observations = "region,indicator,year,value\n甲县,某指标,2021,76\n"
    indicators = "indicator,polarity\n某指标,higher_better\n"
    code, rows, _err = _evaluate(
        tmp_path, capsys, targets=targets, observations=observations, indicators=indicators
    )
    assert code == 0
    assert (rows["某指标"]["comparator"], rows["某指标"]["status"]) == (">=", "ACHIEVED")


def test_a_polarity_its_targets_contradict_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = "region,indicator,year,comparator,value\n甲县,婴儿死亡率,2022,<=,7.5\n"
    observations = "region,indicator,year,value\n甲县,婴儿死亡率,2021,5\n"
    indicators = "indicator,polarity\n婴儿死亡率,higher_better\n"
    code, _rows, err = _evaluate(
        tmp_path, capsys, targets=targets, observations=observations, indicators=indicators
    )
    assert code == 2
    assert err.startswith(
        "healthaction: indicators.csv 第2行 polarity 列：方向「higher_better」（越高越好）"
        "与指标「婴儿死亡率」的目标比较符「<=」矛盾（targets.csv 第2行）"
    )


def test_a_percent_read_as_per_mille_is_flagged_not_silent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = "region,indicator,year,comparator,value,unit\n甲县,婴儿死亡率,2022,<=,7.5,‰\n"
    observations = "region,indicator,year,value,unit\n甲县,婴儿死亡率,2021,4.9,%\n"
    code, rows, err = _evaluate(tmp_path, capsys, targets=targets, observations=observations)
    assert code == 0
    assert rows["婴儿死亡率"]["value"] == "49"
    assert "unit_suspect" in rows["婴儿死亡率"]["flags"].split(";")
    assert "4.9%换算为49‰" in err


def test_a_survey_indicator_keeps_its_value_for_the_survey_interval(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = "region,indicator,year,comparator,value,unit\n甲县,孕妇贫血率,2030,<,10,%\n"
    observations = "region,indicator,year,value\n甲县,孕妇贫血率,2020,13\n"
    code, rows, err = _evaluate(
        tmp_path, capsys, "--year", "2023", targets=targets, observations=observations
    )
    assert code == 0
    assert rows["孕妇贫血率"]["status"] != "NO_DATA"
    assert "每5年调查一次" in err


def test_without_a_year_the_year_most_regions_reported_is_taken_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = "region,indicator,year,comparator,value\n甲县,某指标,2025,>=,80\n乙县,某指标,2025,>=,80\n"
    observations = (
        "region,indicator,year,value\n甲县,某指标,2022,70\n乙县,某指标,2022,71\n甲县,某指标,2023,72\n"
    )
    code, rows, err = _evaluate(tmp_path, capsys, targets=targets, observations=observations)
    assert code == 0
    assert rows["某指标"]["year"] == "2022"
    assert "考核年份取2022年（报告观测值的地区最多：2个；2023年只有1个地区报告）" in err
    assert assessment_year({}) is None
