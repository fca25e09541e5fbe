"""The vectorised engine gives, row for row, what the per-series Python reading of the spec gives."""

from __future__ import annotations

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from healthaction.engine import EvaluationInputs, EvaluationOptions, evaluate
from healthaction.engine.comparators import ALL
from healthaction.engine.model import SERIES_COLUMNS
from healthaction.engine.reference import evaluate_reference

REGIONS = ["甲县", "乙县", "丙县"]
INDICATORS = ["a", "b", "c", "d"]
POINTS = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
TARGETS = {
    "region": pl.Utf8,
    "indicator": pl.Utf8,
    "year": pl.Int64,
    "comparator": pl.Utf8,
    "value": pl.Float64,
}
decimal = st.integers(0, 4000).map(lambda n: n / 100)


@st.composite
def datasets(draw: st.DrawFn) -> tuple[EvaluationInputs, int, EvaluationOptions]:
    comparator = {i: draw(st.sampled_from(ALL)) for i in INDICATORS}
    targets, observations, baselines = [], [], []
    for region in REGIONS:
        for indicator in draw(st.lists(st.sampled_from(INDICATORS), min_size=1, unique=True)):
            word = comparator[indicator] not in (">=", "<=", ">", "<", "=", "slow")
            for year in draw(st.lists(st.sampled_from([2020, 2022, 2025, 2030]), min_size=1, unique=True)):
                value = (
                    None
                    if word
                    else draw(decimal | st.none() if comparator[indicator] == "slow" else decimal)
                )
                targets.append((region, indicator, year, comparator[indicator], value))
            for year in draw(st.lists(st.integers(2016, 2031), unique=True, max_size=5)):
                value = draw(st.sampled_from([0.0, 1.0]) if comparator[indicator] == "achieved" else decimal)
                observations.append((region, indicator, year, draw(st.just(value) | st.none())))
            if draw(st.booleans()):
                baselines.append(
                    (region, indicator, draw(st.sampled_from([2015, 2017, 2019])), draw(decimal))
                )
    indicators = pl.DataFrame(
        {
            "indicator": INDICATORS,
            "polarity": [draw(st.sampled_from([1, -1, 0, None])) for _ in INDICATORS],
            "decimals": [draw(st.sampled_from([0, 1, 2, None])) for _ in INDICATORS],
            "max_age": [draw(st.sampled_from([1, 2, None])) for _ in INDICATORS],
            "weight": [draw(st.sampled_from([1.0, 2.5, 3.0, None])) for _ in INDICATORS],
        },
        schema={"indicator": pl.Utf8, "polarity": pl.Int64, "decimals": pl.Int64, "max_age": pl.Int64,
                "weight": pl.Float64},
    )  # fmt: skip
    kinds = st.sampled_from(["bonus", "deduction", "veto"])
    adjustments = [
        (
            draw(st.sampled_from(REGIONS)),
            draw(st.sampled_from([2021, 2022])),
            kind,
            None if kind == "veto" else p,
        )
        for kind, p in draw(st.lists(st.tuples(kinds, st.sampled_from([0.5, 1.0, 3.0, 4.5])), max_size=4))
    ]
    inputs = EvaluationInputs(
        targets=pl.DataFrame(targets, schema=TARGETS, orient="row"),
        observations=pl.DataFrame(observations, schema=POINTS, orient="row"),
        baselines=pl.DataFrame(baselines, schema=POINTS, orient="row"),
        indicators=indicators,
        regions=pl.DataFrame({"region": REGIONS, "parent": ["白银市", "白银市", None]}),
        adjustments=pl.DataFrame(
            adjustments,
            schema={"region": pl.Utf8, "year": pl.Int64, "kind": pl.Utf8, "points": pl.Float64},
            orient="row",
        ),
    )
    options = EvaluationOptions(tie_break=draw(st.sampled_from([None, "achieved"])))
    return inputs, draw(st.integers(2016, 2032)), options


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_it_agrees_with_the_per_series_reference(
    case: tuple[EvaluationInputs, int, EvaluationOptions],
) -> None:
    inputs, year, options = case
    result = evaluate(inputs, year=year, options=options)
    series, scores = evaluate_reference(inputs, year=year, options=options)
    assert_frame_equal(result.series.select(SERIES_COLUMNS), series)
    assert_frame_equal(result.scores, scores)
    assert result.series.get_column("explanation").null_count() == 0
