"""`evaluate_one`: one series through the whole engine, for tests and quick checks.

evaluate_one(year=2021, baseline=(2017, 8), targets=[(2022, ">=", 22), (2030, ">=", 30)],
             observed={2021: 19})["status"]  →  "ON_TRACK"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from healthaction.engine.api import evaluate
from healthaction.engine.model import DEFAULT_OPTIONS, EvaluationInputs, EvaluationOptions

REGION, INDICATOR = "平川区", "指标"


def evaluate_one(
    *,
    year: int,
    targets: Sequence[tuple[int, str, float | None]],
    observed: Mapping[int, float | None] | None = None,
    baseline: tuple[int, float] | None = None,
    polarity: int | None = None,
    decimals: int | None = None,
    max_age: int | None = None,
    unit: str | None = None,
    options: EvaluationOptions = DEFAULT_OPTIONS,
) -> dict[str, Any]:
    """The series row (OUT.csv columns plus mode, explanation, label) of one made-up series."""
    target_rows = [
        {"region": REGION, "indicator": INDICATOR, "year": t, "comparator": c, "value": v}
        for t, c, v in targets
    ]
    observation_rows = [
        {"region": REGION, "indicator": INDICATOR, "year": t, "value": v} for t, v in (observed or {}).items()
    ]
    points = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
    inputs = EvaluationInputs(
        targets=pl.DataFrame(target_rows, schema={**points, "comparator": pl.Utf8}),
        observations=pl.DataFrame(observation_rows, schema=points),
        baselines=None
        if baseline is None
        else pl.DataFrame(
            [{"region": REGION, "indicator": INDICATOR, "year": baseline[0], "value": baseline[1]}]
        ),
        indicators=pl.DataFrame(
            [
                {
                    "indicator": INDICATOR,
                    "polarity": polarity,
                    "decimals": decimals,
                    "max_age": max_age,
                    "unit": unit,
                }
            ],
            schema={
                "indicator": pl.Utf8,
                "polarity": pl.Int64,
                "decimals": pl.Int64,
                "max_age": pl.Int64,
                "unit": pl.Utf8,
            },
        ),
    )
    return evaluate(inputs, year=year, options=options).series.row(0, named=True)
