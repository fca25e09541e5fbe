"""Official national values 2019–2023 (fixtures/national_2019_2023, sources in its SOURCES.md),
typed the way an office types them, against targets written by `healthaction targets` from the
national reference table: no hand work between the two commands."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

import pytest

from healthaction.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "national_2019_2023" / "observations.csv"
REFERENCE = Path(
    str(resources.files("healthaction.catalog") / "data" / "healthy_china_assessment_framework.csv")
)


def test_targets_then_evaluate_gives_the_national_statuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["targets", str(REFERENCE), "-o", str(tmp_path), "--baseline-year", "2017"]) == 0
    capsys.readouterr()
    args = ["evaluate", "--observations", str(FIXTURE)]
    for name in ("targets", "baselines", "indicators"):
        args += [f"--{name}", str(tmp_path / f"{name}.csv")]
    assert main(args) == 0
    captured = capsys.readouterr()
    rows = {row["indicator"]: row for row in csv.DictReader(io.StringIO(captured.out))}
    got = {name: (rows[name]["status"], rows[name]["value"], rows[name]["value_year"]) for name in rows}
    assert got["人均预期寿命"] == ("ACHIEVED", "78.6", "2023")  # written 居民平均预期寿命, in 年 and 岁
    assert got["婴儿死亡率"] == ("ACHIEVED", "4.5", "2023")  # written 4.5‰
    assert got["孕产妇死亡率"] == ("ACHIEVED", "15.1", "2023")  # written 15.1人/10万
    assert got["居民健康素养水平"] == ("ACHIEVED", "29.7", "2023")  # written 29.70%
    # Surveys every five years: the 2020 round still counts in 2023 (max_age from the catalog).
    assert got["经常参加体育锻炼人数比例"] == ("ACHIEVED", "37.2", "2020")
    fitness = rows["城乡居民达到《国民体质测定标准》合格以上的人数比例"]  # written 国民体质合格率
    assert (fitness["status"], fitness["value"], fitness["flags"]) == (
        "OFF_TRACK",
        "90.4",
        "deadline_passed;missed;stale",
    )
    assert "考核年份取2023年" in captured.err
