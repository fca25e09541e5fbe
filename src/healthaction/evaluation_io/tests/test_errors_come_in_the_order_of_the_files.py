"""The observations file is read on a thread of its own, yet errors come as when the files were
read one after another: targets, baselines, observations, then the settings files."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.cli import main

TARGETS = "region,indicator,year,comparator,value,unit\n平川区,居民健康素养水平,2022,>=,22,%\n"
OBSERVATIONS = "region,indicator,year,value,unit\n平川区,居民健康素养水平,2021,19,%\n"
INDICATORS = "indicator,polarity\n居民健康素养水平,+1\n"


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], **files: str) -> str:
    args = ["evaluate", "--year", "2022"]
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        args += [f"--{name}", str(tmp_path / f"{name}.csv")]
    if "observations" not in files:
        args += ["--observations", str(tmp_path / "observations.csv")]  # absent
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    return err.removeprefix("healthaction: ").strip()


def test_a_bad_target_comes_before_a_bad_observation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _run(
        tmp_path,
        capsys,
        targets=TARGETS.replace(">=", "大约"),
        observations=OBSERVATIONS.replace(",19,", ",约19,"),
    )
    assert err.startswith("targets.csv 第2行 comparator 列：无法识别的比较符「大约」")


def test_a_repeated_target_comes_before_a_bad_observation_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _run(
        tmp_path,
        capsys,
        targets=TARGETS + "平川区,居民健康素养水平,2022,>=,25,%\n",
        observations=OBSERVATIONS.replace("2021", "二〇二一"),
    )
    assert err == "targets.csv 第3行：与targets.csv 第2行重复（同一地区、指标和年份的目标）"


def test_a_missing_observations_file_comes_before_a_repeated_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _run(tmp_path, capsys, targets=TARGETS + "平川区,居民健康素养水平,2022,>=,25,%\n")
    assert err.startswith("observations.csv：无法读取文件")


def test_observations_without_a_value_column_come_before_a_bad_indicators_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _run(
        tmp_path,
        capsys,
        targets=TARGETS,
        observations=OBSERVATIONS.replace("value,unit", "amount,unit"),
        indicators=INDICATORS.replace("polarity", "amount"),
    )
    assert err.startswith("observations.csv 第1行：缺少列 value")


def test_a_bad_indicators_row_comes_before_a_bad_observation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _run(
        tmp_path,
        capsys,
        targets=TARGETS,
        observations=OBSERVATIONS.replace(",19,", ",约19,"),
        indicators=INDICATORS + "居民健康素养水平,+1\n",
    )
    assert err.startswith("indicators.csv 第3行 indicator 列：指标「居民健康素养水平」重复")


def test_a_bad_cell_far_down_a_large_file_names_its_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"平川区,居民健康素养水平,{1900 + i},{i % 90}.5,%\n" for i in range(99_998))
    observations = OBSERVATIONS.split("\n", 1)[0] + "\n" + rows + "平川区,居民健康素养水平,101898,1e309,%\n"
    err = _run(tmp_path, capsys, targets=TARGETS, observations=observations)
    assert err == "observations.csv 第100000行 value 列：应为数字，实际为「1e309」"
