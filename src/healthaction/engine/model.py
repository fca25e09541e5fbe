"""Tables in, tables out: what `evaluate` takes and gives (the engine's API contract)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import polars as pl


@dataclass(frozen=True)
class EvaluationInputs:
    """Values already in the target's unit; `indicators` cells may be null (= default)."""

    targets: pl.DataFrame  # region, indicator, year, comparator, value
    observations: pl.DataFrame  # region, indicator, year, value (null = not reported)
    baselines: pl.DataFrame | None = None  # region, indicator, year, value
    indicators: pl.DataFrame | None = None  # indicator, polarity, decimals, max_age, weight[, unit]
    regions: pl.DataFrame | None = None  # region, parent
    adjustments: pl.DataFrame | None = None  # region, year, kind, points, reason


@dataclass(frozen=True)
class EvaluationOptions:
    tie_break: Literal["achieved"] | None = None
    trajectory: Literal["linear", "exponential"] = "linear"
    bonus_cap: float = 5.0
    # The Chinese sentence per series; off when only statuses, scores and ranks are wanted.
    explain: bool = True


@dataclass(frozen=True)
class Evaluation:
    series: pl.DataFrame
    scores: pl.DataFrame


DEFAULT_OPTIONS = EvaluationOptions()


SERIES_COLUMNS = (
    "region",
    "indicator",
    "year",
    "status",
    "value",
    "value_year",
    "baseline",
    "baseline_year",
    "target_year",
    "comparator",
    "target",
    "expected",
    "ratio",
    "score_fraction",
    "weight",
    "flags",
)
SCORE_COLUMNS = (
    "region",
    "parent",
    "year",
    "score",
    "bonus",
    "deduction",
    "final",
    "grade",
    "rank",
    "vetoed",
    "achieved",
    "assessed",
)
