"""考核 (evaluation.md §3): region scores, adjustments, grades and ranks with ties."""

from __future__ import annotations

import polars as pl
import pytest

from healthaction.engine import EvaluationInputs, evaluate
from healthaction.engine.ranks import ranked

POINTS = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}


def counties(
    values: dict[str, list[tuple[str, float, float]]],
    adjustments: list[tuple[str, int, str, float | None]] = (),  # type: ignore[assignment]
    weights: dict[str, float] | None = None,
    parents: dict[str, str | None] | None = None,
) -> EvaluationInputs:
    """region → [(indicator, target ≥, value in 2022)], no baselines, t* = 2022."""
    targets = [(r, i, 2022, ">=", t) for r, rows in values.items() for i, t, _ in rows]
    observed = [(r, i, 2022, v) for r, rows in values.items() for i, _, v in rows]
    return EvaluationInputs(
        targets=pl.DataFrame(
            targets,
            schema={
                "region": pl.Utf8,
                "indicator": pl.Utf8,
                "year": pl.Int64,
                "comparator": pl.Utf8,
                "value": pl.Float64,
            },
            orient="row",
        ),
        observations=pl.DataFrame(observed, schema=POINTS, orient="row"),
        indicators=None
        if weights is None
        else pl.DataFrame({"indicator": list(weights), "weight": list(weights.values())}),
        regions=None
        if parents is None
        else pl.DataFrame({"region": list(parents), "parent": list(parents.values())}),
        adjustments=pl.DataFrame(
            list(adjustments),
            schema={"region": pl.Utf8, "year": pl.Int64, "kind": pl.Utf8, "points": pl.Float64},
            orient="row",
        ),
    )


def test_it_shares_ranks_between_ties_and_skips_after_them() -> None:
    inputs = counties(
        {
            "甲": [("x", 100, 100)],
            "乙": [("x", 100, 80.004)],
            "丙": [("x", 100, 80.001)],  # 80.00 like 乙 once rounded
            "丁": [("x", 100, 50)],
        }
    )
    scores = evaluate(inputs, year=2022).scores
    assert dict(scores.select("region", "rank").rows()) == {"甲": 1, "乙": 2, "丙": 2, "丁": 4}


def test_it_ranks_within_each_parent_and_puts_vetoed_regions_last() -> None:
    inputs = counties(
        {"甲": [("x", 100, 90)], "乙": [("x", 100, 95)], "丙": [("x", 100, 70)], "丁": [("x", 100, 99)]},
        adjustments=[("丁", 2022, "veto", None)],
        parents={"甲": "一市", "乙": "一市", "丙": "二市", "丁": "一市"},
    )
    scores = evaluate(inputs, year=2022).scores
    assert scores.select("region", "rank", "grade", "vetoed").rows() == [
        ("丁", 3, "不合格", True),
        ("丙", 1, "合格", False),
        ("乙", 1, "优秀", False),
        ("甲", 2, "优秀", False),
    ]


@pytest.mark.parametrize(
    ("adjustments", "bonus", "deduction", "final"),
    [
        ([("甲", 2022, "bonus", 3.0), ("甲", 2022, "bonus", 4.0)], 5, 0, 55),
        ([("甲", 2022, "deduction", 2.5), ("甲", 2022, "bonus", 1.0)], 1, 2.5, 48.5),
        ([("甲", 2021, "bonus", 3.0), ("甲", 2023, "deduction", 3.0)], 0, 0, 50),
        ([("甲", 2022, "deduction", 80.0)], 0, 80, 0),
    ],
)
def test_it_caps_bonuses_counts_deductions_of_the_year_only(
    adjustments: list[tuple[str, int, str, float | None]], bonus: float, deduction: float, final: float
) -> None:
    scores = evaluate(counties({"甲": [("x", 100, 50)]}, adjustments=adjustments), year=2022).scores
    assert scores.select("score", "bonus", "deduction", "final").row(0) == (50, bonus, deduction, final)


@pytest.mark.parametrize(
    ("value", "grade"), [(89.995, "优秀"), (89.994, "良好"), (80, "良好"), (60, "合格"), (59.99, "不合格")]
)
def test_it_grades_the_rounded_final(value: float, grade: str) -> None:
    scores = evaluate(counties({"甲": [("x", 100, value)]}), year=2022).scores
    assert scores.get_column("grade").item() == grade


def test_it_rounds_an_exact_half_up_even_when_a_fraction_is_recurring() -> None:
    # 100 · (3 · 1/3 + 1 · 0.0002) / 4 = 25.005 exactly, though 1/3 has no finite decimal
    inputs = counties({"甲": [("x", 3, 1), ("y", 1, 0.0002)]}, weights={"x": 3.0, "y": 1.0})
    scores = evaluate(inputs, year=2022).scores
    assert scores.select("score", "final").row(0) == (25.01, 25.01)


def test_it_counts_achieved_and_assessed_series() -> None:
    inputs = counties({"甲": [("x", 10, 10), ("y", 10, 5), ("z", 10, 11)]})
    scores = evaluate(inputs, year=2022).scores
    assert scores.select("achieved", "assessed", "parent", "year").row(0) == (2, 3, None, 2022)


def test_stored_finals_rank_again_as_the_engine_ranked_them() -> None:
    """An approval ranks the siblings again from their stored finals (points, two decimals): ties share
    a rank, a vetoed region comes after all, each parent ranks its own."""
    stored = pl.DataFrame(
        {
            "parent": ["A", "A", "A", "A", "B"],
            "final": [97.86, 88.0, 97.86, 99.0, 50.0],
            "achieved": [3, 2, 1, 4, 0],
            "vetoed": [False, False, False, True, False],
        }
    )
    assert ranked(stored).to_list() == [1, 3, 1, 4, 1]
    assert ranked(stored, "achieved").to_list() == [1, 3, 2, 4, 1]
