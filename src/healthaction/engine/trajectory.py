"""Expected value at t* (序时目标) on the way from 基期 to the milestones.

居民健康素养水平: 基期 2017 = 8, 目标 2022 ≥ 22 and 2030 ≥ 30, so 2020 expects
8 + 14 · 3 / 5 = 16.4 and 2023 expects 22 + 8 · 1 / 8 = 23; a reported 15 in 2020 is
(15 − 8) / (16.4 − 8) = 83 % of the way (进度滞后).

The path runs through (t₀, y₀) and every numeric milestone beyond the baseline in the
target's direction, targets as written. `linear` (the method of evaluation.md) joins the
points by straight lines and keeps E as an exact fraction (numerator in millionths,
denominator in years). `exponential` joins them by compound growth, the constant annual
rate (CAGR) path Open SDG uses, for comparison with its published progress figures; that E
is irrational and is taken to the nearest millionth. A segment with a level ≤ 0 at either
end has no compound path and stays linear.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from healthaction.engine.comparators import NUMERIC
from healthaction.engine.exact import EXACT, scaled
from healthaction.engine.series import aligned

Trajectory = Literal["linear", "exponential"]


def expected(frame: pl.DataFrame, targets: pl.DataFrame, year: int, trajectory: Trajectory) -> pl.LazyFrame:
    """sid → expected_num, expected_den (E = num / den millionths) for series in progress mode.

    `frame` is in sid order and `targets` in (key, year) order (`series.first_per_year`), so
    each series' path points stay together in year order: the next milestone is the first
    point ≥ t*, the previous one the last point before it, found by comparing neighbours.
    """
    # frame has one row per series of `targets`, in the same order: row i of frame is the
    # series of the targets rows after the i-th change of key.
    series_row = ((pl.col("key") != pl.col("key").shift(1)).fill_null(True).cum_sum() - 1).alias("series_row")
    numeric = pl.col("comparator").is_in(NUMERIC)
    milestones = targets.select(
        pl.col("key").alias("sid"),
        pl.col("year").alias("milestone_years"),
        pl.when(numeric).then(scaled(pl.col("value"))).alias("milestone_s"),
        series_row,
    )
    facts = frame.select("progress", "baseline_year", "y0_s", "d_c")
    facts = facts.select(pl.all().gather(milestones.get_column("series_row")))
    points = pl.concat([milestones, facts], how="horizontal").filter(
        pl.col("progress")
        & (pl.col("milestone_years") > pl.col("baseline_year"))
        & ((pl.col("milestone_s") - pl.col("y0_s")) * pl.col("d_c") > 0)
    )
    sid, ahead = pl.col("sid"), pl.col("milestone_years") >= year
    last = (sid != sid.shift(-1)).fill_null(True)
    first = (sid != sid.shift(1)).fill_null(True)
    points = points.with_columns(
        (ahead & (first | ~ahead.shift(1).fill_null(False))).alias("is_next"),
        (~ahead & (last | ahead.shift(-1).fill_null(False))).alias("is_previous"),
        last.alias("is_last"),
    )
    ends = points.filter(pl.col("is_last")).select(
        "sid", pl.col("milestone_s").alias("last_s"), "baseline_year", "y0_s"
    )
    sids = ends.get_column("sid")

    def marked(flag: str, name: str) -> pl.DataFrame:
        rows = points.filter(pl.col(flag)).select(
            pl.col("sid").alias("key"),
            pl.col("milestone_years").alias(f"{name}_year"),
            pl.col("milestone_s").alias(f"{name}_s"),
        )
        return aligned(sids, rows)

    parts = [ends, marked("is_next", "next"), marked("is_previous", "previous")]
    segments = pl.concat(parts, how="horizontal").lazy()
    start_year = pl.coalesce("previous_year", "baseline_year").cast(EXACT)
    start = pl.coalesce("previous_s", "y0_s")
    span = pl.col("next_year").cast(EXACT) - start_year
    elapsed = pl.lit(year, dtype=EXACT) - start_year
    linear_num = start * span + (pl.col("next_s") - start) * elapsed
    numerator, denominator = linear_num, span
    if trajectory == "exponential":
        compound = pl.col("next_s").cast(pl.Float64) / start.cast(pl.Float64)
        level = start.cast(pl.Float64) * compound.pow(elapsed.cast(pl.Float64) / span.cast(pl.Float64))
        positive = (start > 0) & (pl.col("next_s") > 0)
        numerator = pl.when(positive).then(level.round(0, mode="half_away_from_zero").cast(EXACT))
        numerator = numerator.otherwise(linear_num)
        denominator = pl.when(positive).then(pl.lit(1, dtype=EXACT)).otherwise(span)
    past_last = pl.col("next_year").is_null()
    return segments.select(
        "sid",
        pl.when(past_last).then(pl.col("last_s")).otherwise(numerator).alias("expected_num"),
        pl.when(past_last).then(pl.lit(1, dtype=EXACT)).otherwise(denominator).alias("expected_den"),
    )
