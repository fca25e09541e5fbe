"""`prepare(inputs).evaluate(observations, year=…)` gives what `evaluate` gives on the same tables.

The web keeps one prepared region and re-evaluates it after each approval, with other
observations and sometimes another t*, so one prepared object is reused here.
"""

from __future__ import annotations

import dataclasses

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from healthaction.engine import EvaluationInputs, EvaluationOptions, evaluate, prepare
from healthaction.engine.tests.test_engine_agrees_with_the_reference import datasets


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(), st.integers(2016, 2032), st.integers(0, 6))
def test_one_prepared_region_agrees_with_evaluate_for_other_values_and_years(
    case: tuple[EvaluationInputs, int, EvaluationOptions], other_year: int, dropped: int
) -> None:
    inputs, year, options = case
    prepared = prepare(dataclasses.replace(inputs, observations=inputs.observations.clear()))
    fewer = inputs.observations.filter(pl.int_range(pl.len()) % 7 != dropped)
    changed = inputs.observations.with_columns(pl.col("value") + 0.5)
    for observations, at in ((inputs.observations, year), (fewer, other_year), (changed, year)):
        expected = evaluate(dataclasses.replace(inputs, observations=observations), year=at, options=options)
        result = prepared.evaluate(observations, year=at, options=options)
        assert_frame_equal(result.series, expected.series)
        assert_frame_equal(result.scores, expected.scores)


def test_it_refuses_an_observation_too_large_to_compute_exactly() -> None:
    targets = pl.DataFrame(
        {"region": ["甲县"], "indicator": ["a"], "year": [2030], "comparator": [">="], "value": [30.0]}
    )
    observations = pl.DataFrame({"region": ["甲县"], "indicator": ["a"], "year": [2024], "value": [1e13]})
    prepared = prepare(EvaluationInputs(targets=targets, observations=observations.clear()))
    with pytest.raises(ValueError, match=r"^observations：数值"):
        prepared.evaluate(observations, year=2024)
