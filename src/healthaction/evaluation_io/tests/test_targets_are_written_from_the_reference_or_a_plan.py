"""`healthaction targets`: targets.csv and baselines.csv from the national reference table or a plan,
read back by `evaluate` exactly as the plan itself is (nothing split by hand)."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from healthaction.cli import main

ROOT = Path(__file__).resolve().parents[4]
SEED = ROOT / "seeds" / "000_5d24527bdd1311fb.txt"
DATA = resources.files("healthaction.catalog") / "data"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_the_reference_cells_become_milestones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = Path(str(DATA / "healthy_china_action_indicators.csv"))
    assert main(["targets", str(reference), "-o", str(tmp_path), "--region", "某省"]) == 0
    err = capsys.readouterr().err
    targets = {(r["indicator"], r["year"]): r for r in _rows(tmp_path / "targets.csv")}
    literacy = targets[("居民健康素养水平", "2030")]
    assert (literacy["region"], literacy["comparator"], literacy["value"], literacy["unit"]) == (
        "某省",
        ">=",
        "30",
        "%",
    )
    assert targets[("成人肥胖增长率", "2022")]["comparator"] == "slow"
    assert targets[("15岁以上人群吸烟率", "2022")]["comparator"] == "<"
    # Not one target: left out, said, never guessed.
    assert ("居民营养健康知识知晓率", "2022") not in targets
    assert "「在2019年基础上提高10%」不是单一目标" in err
    # No baseline year in the table: no baselines.csv rows unless one is given.
    assert _rows(tmp_path / "baselines.csv") == []
    assert "--baseline-year" in err
    polarity = {r["indicator"]: r["polarity"] for r in _rows(tmp_path / "indicators.csv")}
    assert (polarity["婴儿死亡率"], polarity["居民健康素养水平"]) == ("-1", "+1")


def test_a_plan_gives_the_same_targets_as_evaluate_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.json"
    assert main(["parse", str(SEED), "-o", str(plan)]) == 0
    assert main(["targets", str(plan), "-o", str(tmp_path / "out")]) == 0
    observations = tmp_path / "observations.csv"
    observations.write_text(
        "region,indicator,year,value\n平川区,居民健康素养水平,2021,19\n", encoding="utf-8"
    )
    capsys.readouterr()
    common = ["--observations", str(observations), "--year", "2021"]
    assert main(["evaluate", "--plan", str(plan), *common]) == 0
    from_plan = capsys.readouterr().out
    out = tmp_path / "out"
    assert (
        main(
            [
                "evaluate",
                "--targets",
                str(out / "targets.csv"),
                "--baselines",
                str(out / "baselines.csv"),
                *common,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == from_plan


def test_a_missing_source_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets", str(tmp_path / "nope.csv")]) == 2
    assert capsys.readouterr().err.startswith("healthaction: nope.csv：无法读取文件")
