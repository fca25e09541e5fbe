"""Each kind of bad input exits 2 with one line naming the file, line and column (evaluation.md §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.cli import main

TARGETS = """region,indicator,year,comparator,value,unit
平川区,居民健康素养水平,2022,>=,22,%
平川区,婴儿死亡率,2022,<=,7.5,‰
平川区,科普专家库,2022,achieved,,
"""
OBSERVATIONS = """region,indicator,year,value,unit
平川区,居民健康素养水平,2021,19,%
平川区,婴儿死亡率,2021,5.1,‰
平川区,科普专家库,2021,是,
"""


def _run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], targets: str, observations: str
) -> tuple[int, str]:
    (tmp_path / "targets.csv").write_text(targets, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(observations, encoding="utf-8")
    code = main(
        [
            "evaluate",
            "--targets", str(tmp_path / "targets.csv"),
            "--observations", str(tmp_path / "observations.csv"),
            "-o", str(tmp_path / "out.csv"),
        ]
    )  # fmt: skip
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("targets", "observations", "message"),
    [
        (
            TARGETS.replace("region,indicator,year,comparator", "region,indicator,year,cmp"),
            OBSERVATIONS,
            "targets.csv 第1行：缺少列 comparator",
        ),
        (
            TARGETS,
            OBSERVATIONS.replace("value,unit\n", "amount,unit\n"),
            "observations.csv 第1行：缺少列 value",
        ),
        (
            TARGETS.replace("2022,<=", "二〇二二年,<="),
            OBSERVATIONS,
            "targets.csv 第3行 year 列：应为整数年份，实际为「二〇二二年」",
        ),
        (
            TARGETS,
            OBSERVATIONS.replace("2021,19,%", "2021.5,19,%"),
            "observations.csv 第2行 year 列：应为整数年份，实际为「2021.5」",
        ),
        (
            TARGETS,
            OBSERVATIONS.replace(",19,%", ",约10%,%"),
            "observations.csv 第2行 value 列：应为数字，实际为「约10%」",
        ),
        (
            TARGETS.replace(">=,22", "大约,22"),
            OBSERVATIONS,
            "targets.csv 第2行 comparator 列：无法识别的比较符「大约」",
        ),
        (
            TARGETS.replace("<=,7.5", "<=,"),
            OBSERVATIONS,
            "targets.csv 第3行 value 列：应为数字，实际为空",
        ),
        (
            TARGETS,
            OBSERVATIONS + "平川区,婴儿死亡率,2021,5.3,‰\n",
            "observations.csv 第5行：与第3行重复（同一地区、指标和年份的观测值）",
        ),
        (
            TARGETS,
            OBSERVATIONS.replace("2021,19,%", "2021,19,岁"),
            "observations.csv 第2行 unit 列：单位「岁」无法换算为目标的单位「%」",
        ),
        (
            TARGETS,
            OBSERVATIONS.replace("2021,是,", "2021,已完成,"),
            "observations.csv 第4行 value 列：应为 1/0、是/否 或 true/false，实际为「已完成」",
        ),
        (
            TARGETS + "平川区,居民健康素养水平,2022,>=,25,%\n",
            OBSERVATIONS,
            "targets.csv 第5行：与targets.csv 第2行重复（同一地区、指标和年份的目标）",
        ),
    ],
)
def test_it_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], targets: str, observations: str, message: str
) -> None:
    code, err = _run(tmp_path, capsys, targets, observations)
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"healthaction: {message}")
    assert not (tmp_path / "out.csv").exists()


def test_it_counts_lines_of_quoted_cells_that_span_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    observations = OBSERVATIONS.replace("平川区,婴儿死亡率,2021,5.1", '"平川区\n",婴儿死亡率,2021,5.1') + (
        "平川区,居民健康素养水平,2022,多,%\n"
    )
    code, err = _run(tmp_path, capsys, TARGETS, observations)
    assert (code, err.strip()) == (2, "healthaction: observations.csv 第6行 value 列：应为数字，实际为「多」")


def test_it_refuses_a_file_that_is_neither_utf8_nor_gb18030(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "targets.csv").write_bytes(TARGETS.encode("utf-16"))
    (tmp_path / "observations.csv").write_text(OBSERVATIONS, encoding="utf-8")
    code = main(
        [
            "evaluate",
            "--targets",
            str(tmp_path / "targets.csv"),
            "--observations",
            str(tmp_path / "observations.csv"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "targets.csv" in err
    assert err.count("\n") == 1


def test_it_names_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["evaluate", "--targets", str(tmp_path / "nope.csv"), "--observations", str(tmp_path / "o.csv")]
    )
    assert code == 2
    assert capsys.readouterr().err.startswith("healthaction: nope.csv：无法读取文件")


def test_it_needs_targets_or_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "observations.csv").write_text(OBSERVATIONS, encoding="utf-8")
    assert main(["evaluate", "--observations", str(tmp_path / "observations.csv")]) == 2
    assert "--targets" in capsys.readouterr().err
