"""evaluation.md §5: every worked example, as tables."""

from __future__ import annotations

import polars as pl
import pytest

from healthaction.engine import EvaluationInputs, EvaluationOptions, evaluate
from healthaction.engine.single import evaluate_one

LITERACY = [(2022, ">=", 22.0), (2030, ">=", 30.0)]


# 5.1 平川区 居民健康素养水平 (%): 基期 2017 = 8; 目标 2022 ≥ 22, 2030 ≥ 30
@pytest.mark.parametrize(
    ("year", "observed", "status", "expected", "ratio", "score", "flags"),
    [
        (2018, {2018: 9}, "OFF_TRACK", 10.8, 0.357143, 0.357143, ""),
        (2018, {2018: 7.5}, "OFF_TRACK", 10.8, -0.178571, 0, "regressing"),
        (2020, {2020: 15}, "LAGGING", 16.4, 0.833333, 0.833333, ""),
        (2021, {2021: 19}, "ON_TRACK", 19.2, 0.982143, 0.982143, ""),
        (2022, {2022: 21}, "OFF_TRACK", 22, 0.928571, 0.928571, "missed"),
        (2023, {2023: 24}, "ON_TRACK", 23, 1.066667, 1, ""),
        (2024, {2023: 24}, "ON_TRACK", 24, 1, 1, "stale"),
        (2026, {2023: 24}, "NO_DATA", None, None, 0, "missing"),
        (2025, {2025: 30.5}, "ACHIEVED", 25, 1.323529, 1, "early"),
    ],
)
def test_it_follows_literacy_along_its_path(
    year: int,
    observed: dict[int, float],
    status: str,
    expected: float | None,
    ratio: float | None,
    score: float,
    flags: str,
) -> None:
    row = evaluate_one(year=year, baseline=(2017, 8), targets=LITERACY, observed=observed)
    assert (row["status"], row["expected"], row["ratio"], row["score_fraction"], row["flags"]) == (
        status,
        expected,
        ratio,
        score,
        flags,
    )


# 5.2 孕产妇死亡率 (1/10万, polarity −1): 基期 2017 = 0
@pytest.mark.parametrize(
    ("target", "year", "value", "status", "score", "flags"),
    [
        ((2022, "=", 0.0), 2020, 0, "ACHIEVED", 1, "early"),
        ((2022, "=", 0.0), 2021, 50, "OFF_TRACK", 0, "fell_below_target;regressing"),
        ((2022, "<=", 18.0), 2021, 50, "OFF_TRACK", 0.36, "fell_below_target;regressing"),
    ],
)
def test_it_holds_maternal_mortality_at_zero(
    target: tuple[int, str, float], year: int, value: float, status: str, score: float, flags: str
) -> None:
    row = evaluate_one(year=year, baseline=(2017, 0), targets=[target], observed={year: value}, polarity=-1)
    assert (row["status"], row["score_fraction"], row["flags"], row["mode"]) == (
        status,
        score,
        flags,
        "maintain",
    )
    assert (row["comparator"], row["expected"], row["ratio"]) == ("<=", None, None)


# 5.3 高血压患者规范管理率 (%): 基期 2017 = 84.2, 目标 2022 ≥ 70 — maintain mode
@pytest.mark.parametrize(
    ("year", "value", "status", "score", "flags"),
    [
        (2020, 78, "ACHIEVED", 1, "declined_since_baseline;early"),
        (2021, 65, "OFF_TRACK", 0.928571, "fell_below_target;regressing"),
        (2022, 70, "ACHIEVED", 1, "declined_since_baseline"),
    ],
)
def test_it_keeps_hypertension_above_a_target_the_baseline_met(
    year: int, value: float, status: str, score: float, flags: str
) -> None:
    row = evaluate_one(year=year, baseline=(2017, 84.2), targets=[(2022, ">=", 70.0)], observed={year: value})
    assert (row["status"], row["score_fraction"], row["flags"], row["mode"]) == (
        status,
        score,
        flags,
        "maintain",
    )


# 5.4 Strict and bare targets
@pytest.mark.parametrize(
    ("baseline", "target", "polarity", "value", "status", "comparator", "threshold", "score"),
    [
        (95, (2022, ">", 95.0), None, 95.00, "OFF_TRACK", ">=", 95.01, 0.999895),
        (95, (2022, ">", 95.0), None, 95.01, "ACHIEVED", ">=", 95.01, 1),
        (29.47, (2022, "=", 30.0), -1, 31, "OFF_TRACK", "<=", 30, 0.967742),
    ],
)
def test_it_makes_strict_and_bare_targets_inclusive(
    baseline: float,
    target: tuple[int, str, float],
    polarity: int | None,
    value: float,
    status: str,
    comparator: str,
    threshold: float,
    score: float,
) -> None:
    row = evaluate_one(
        year=2021, baseline=(2017, baseline), targets=[target], observed={2021: value}, polarity=polarity
    )
    assert (row["status"], row["comparator"], row["target"], row["score_fraction"]) == (
        status,
        comparator,
        threshold,
        score,
    )
    assert row["mode"] == "maintain"


# 5.5 成人肥胖率 `slow` 5.3: 2017 = 14.0 (基期), 2020 = 15.5, 2022 = 16.4 or 17.2
@pytest.mark.parametrize(("last", "status"), [(16.4, "ACHIEVED"), (17.2, "OFF_TRACK")])
def test_it_wants_obesity_to_grow_ever_slower(last: float, status: str) -> None:
    row = evaluate_one(
        year=2022, baseline=(2017, 14.0), targets=[(2022, "slow", 5.3)], observed={2020: 15.5, 2022: last}
    )
    assert (row["status"], row["comparator"], row["target"], row["flags"]) == (status, "slow", 5.3, "")


def test_it_names_the_growth_rates_of_the_slow_example() -> None:
    row = evaluate_one(
        year=2022, baseline=(2017, 14.0), targets=[(2022, "slow", 5.3)], observed={2020: 15.5, 2022: 16.4}
    )
    assert row["explanation"] == "2022年实际值16.4，最近年均增速2.86%，参考增速5.3%"


# 5.6 考核 of four counties, t* = 2022, one parent
WEIGHTS = {"素养": 30.0, "孕产妇": 20.0, "高血压": 20.0, "科普专家库": 10.0, "尘肺病比例": 20.0}
TARGETS = {
    "素养": (">=", 22.0),
    "孕产妇": ("<=", 18.0),
    "高血压": (">=", 70.0),
    "科普专家库": ("achieved", None),
}
COUNTIES = {  # indicator: (baseline 2017, value 2022)
    "A": {
        "素养": (8, 21),
        "孕产妇": (0, 0),
        "高血压": (84.2, 78),
        "科普专家库": (None, 1),
        "尘肺病比例": (12, 10.5),
    },
    "B": {
        "素养": (10, 23),
        "孕产妇": (20, 50),
        "高血压": (65, 72),
        "科普专家库": (None, 1),
        "尘肺病比例": (9, 9),
    },
    "C": {
        "素养": (8, 15),
        "孕产妇": (0, None),
        "高血压": (84.2, 65),
        "科普专家库": (None, 0),
        "尘肺病比例": (15, 11),
    },
    "D": {
        "素养": (8, 22),
        "孕产妇": (0, 36),
        "高血压": (84.2, 70),
        "科普专家库": (None, 0),
        "尘肺病比例": (10, 10),
    },
}


def four_counties() -> EvaluationInputs:
    targets, observations, baselines = [], [], []
    for county, values in COUNTIES.items():
        for indicator, (baseline, value) in values.items():
            comparator, target = TARGETS.get(indicator, ("decrease", None))
            targets.append((county, indicator, 2022, comparator, target))
            observations.append((county, indicator, 2022, None if value is None else float(value)))
            if baseline is not None:
                baselines.append((county, indicator, 2017, float(baseline)))
    points = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    target_schema = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "comparator": pl.Utf8}
    return EvaluationInputs(
        targets=pl.DataFrame(targets, schema={**target_schema, "value": pl.Float64}, orient="row"),
        observations=pl.DataFrame(observations, schema=points, orient="row"),
        baselines=pl.DataFrame(baselines, schema=points, orient="row"),
        indicators=pl.DataFrame(
            {"indicator": list(WEIGHTS), "weight": list(WEIGHTS.values()), "polarity": [1, -1, 1, None, -1]}
        ),
        regions=pl.DataFrame({"region": list(COUNTIES), "parent": ["白银市"] * 4}),
        adjustments=pl.DataFrame(
            {"region": ["A", "C"], "year": [2022, 2022], "kind": ["veto", "bonus"], "points": [None, 1.0]},
            schema={"region": pl.Utf8, "year": pl.Int64, "kind": pl.Utf8, "points": pl.Float64},
        ),
    )


def test_it_scores_grades_and_ranks_four_counties() -> None:
    scores = evaluate(four_counties(), year=2022).scores
    got = scores.select("region", "score", "final", "grade", "rank", "vetoed").rows()
    assert got == [
        ("A", 97.86, 97.86, "不合格", 4, True),
        ("B", 60.0, 60.0, "合格", 1, False),
        ("C", 53.57, 54.57, "不合格", 3, False),
        ("D", 60.0, 60.0, "合格", 1, False),
    ]


def test_it_breaks_the_tie_by_achieved_series_when_asked() -> None:
    scores = evaluate(four_counties(), year=2022, options=EvaluationOptions(tie_break="achieved")).scores
    assert scores.select("region", "achieved", "rank").rows() == [
        ("A", 4, 4),
        ("B", 3, 1),
        ("C", 1, 3),
        ("D", 2, 2),
    ]


@pytest.mark.parametrize(
    ("county", "fractions"),
    [  # 素养, 孕产妇, 高血压, 科普专家库, 尘肺病比例
        ("A", [0.928571, 1, 1, 1, 1]),
        ("B", [1, 0, 1, 1, 0]),
        ("C", [0.5, 0, 0.928571, 0, 1]),
        ("D", [1, 0.5, 1, 0, 0]),
    ],
)
def test_it_gives_each_county_the_fractions_of_the_table(county: str, fractions: list[float]) -> None:
    series = evaluate(four_counties(), year=2022).series.filter(pl.col("region") == county)
    by_name = dict(zip(series.get_column("indicator"), series.get_column("score_fraction"), strict=True))
    assert by_name == dict(zip(WEIGHTS, fractions, strict=True))
