"""One row per series (region, indicator) at t*: active milestone, value used and baseline.

evaluation.md §2 steps 1–4. A *series* is one region's indicator; 平川区 · 居民健康素养水平
with targets 2022 ≥ 22 and 2030 ≥ 30 is assessed in 2024 against its active milestone 2030,
with the latest value reported up to 2024 (2023: 24, flagged `stale`).
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from healthaction.engine.comparators import NUMERIC, polarity_from_comparators
from healthaction.engine.exact import EXACT, SCALE_DIGITS, scaled

KEY = ["region", "indicator"]

TARGETS_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "comparator": pl.Utf8}
POINTS_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
INDICATOR_DEFAULTS = {"decimals": 2, "max_age": 1, "weight": 1.0}


def typed(frame: pl.DataFrame, schema: Mapping[str, pl.DataType | type[pl.DataType]]) -> pl.LazyFrame:
    """The columns the engine reads, cast to their types (the caller has validated them)."""
    return frame.lazy().select([pl.col(name).cast(dtype) for name, dtype in schema.items()])


def milestones(targets: pl.LazyFrame, year: int) -> pl.LazyFrame:
    """Per series: the active milestone (first with year ≥ t*, else the last) and every numeric one.

    Milestones of a series are sorted by year (a stable sort keeps the first of two rows
    for the same year, which `unique` then keeps).
    """
    ordered = targets.unique(subset=[*KEY, "year"], keep="first", maintain_order=True).sort(
        "year", maintain_order=True
    )
    before = (pl.col("year") < year).sum()
    active = pl.min_horizontal(before, pl.len() - 1)
    numeric = pl.col("comparator").is_in(NUMERIC)
    return ordered.group_by(KEY).agg(
        pl.col("year").get(active).alias("target_year"),
        pl.col("comparator").get(active).alias("written_comparator"),
        pl.col("value").get(active).alias("written_target"),
        (pl.col("year").max() < year).alias("deadline_passed"),
        pl.col("year").filter(numeric).alias("milestone_years"),
        pl.col("value").filter(numeric).alias("milestone_values"),
    )


def indicator_parameters(targets: pl.LazyFrame, indicators: pl.DataFrame | None) -> pl.LazyFrame:
    """indicator → polarity, decimals (0…6), max_age, weight, unit, with the defaults of §1."""
    from_comparators = polarity_from_comparators(targets)
    columns = {"polarity": pl.Int64, "decimals": pl.Int64, "max_age": pl.Int64, "weight": pl.Float64}
    if indicators is None:
        given = pl.LazyFrame(schema={"indicator": pl.Utf8, **columns, "unit": pl.Utf8})
    else:
        given = indicators.lazy().select(
            pl.col("indicator").cast(pl.Utf8),
            *[
                (pl.col(name) if name in indicators.columns else pl.lit(None)).cast(dtype).alias(name)
                for name, dtype in {**columns, "unit": pl.Utf8}.items()
            ],
        )
        given = given.unique(subset=["indicator"], keep="first", maintain_order=True)
    return from_comparators.join(given, on="indicator", how="left").select(
        "indicator",
        pl.coalesce("polarity", "comparator_polarity").alias("polarity"),
        pl.col("decimals").fill_null(INDICATOR_DEFAULTS["decimals"]).clip(0, SCALE_DIGITS),
        pl.col("max_age").fill_null(INDICATOR_DEFAULTS["max_age"]),
        pl.col("weight").fill_null(INDICATOR_DEFAULTS["weight"]),
        "unit",
    )


def observed(observations: pl.LazyFrame, year: int) -> pl.LazyFrame:
    """Per series: latest and earliest observation with a value up to t*, and how many there are."""
    reported = observations.filter((pl.col("year") <= year) & pl.col("value").is_not_null())
    return reported.group_by(KEY).agg(
        pl.col("year").max().alias("last_year"),
        pl.col("value").get(pl.col("year").arg_max()).alias("last_value"),
        pl.col("year").min().alias("first_year"),
        pl.col("value").get(pl.col("year").arg_min()).alias("first_value"),
        pl.len().alias("reported"),
    )


def given_baselines(baselines: pl.DataFrame | None) -> pl.LazyFrame:
    if baselines is None:
        return pl.LazyFrame(schema={**POINTS_SCHEMA}).rename({"year": "given_year", "value": "given_value"})
    return (
        typed(baselines, POINTS_SCHEMA)
        .filter(pl.col("value").is_not_null() & pl.col("year").is_not_null())
        .unique(subset=KEY, keep="first", maintain_order=True)
        .rename({"year": "given_year", "value": "given_value"})
    )


def series_frame(
    targets: pl.LazyFrame,
    observations: pl.LazyFrame,
    baselines: pl.DataFrame | None,
    indicators: pl.DataFrame | None,
    year: int,
) -> pl.LazyFrame:
    """Steps 1, 2 and 4: value used (y), active milestone, baseline (t₀, y₀) — values in millionths."""
    frame = (
        milestones(targets, year)
        .join(indicator_parameters(targets, indicators), on="indicator", how="left")
        .join(observed(observations, year), on=KEY, how="left")
        .join(given_baselines(baselines), on=KEY, how="left")
    )
    has_value = pl.col("last_year").is_not_null() & (year - pl.col("last_year") <= pl.col("max_age"))
    substitute = (
        pl.col("given_year").is_null()
        & (pl.col("reported").fill_null(0) >= 2)
        & (pl.col("written_comparator") != "achieved")
    )
    return frame.with_columns(
        pl.when(has_value).then(pl.col("last_year")).alias("value_year"),
        pl.when(has_value).then(scaled(pl.col("last_value"))).alias("y_s"),
        (has_value & (pl.col("last_year") < year)).alias("stale"),
        (~has_value).alias("missing"),
        pl.when(substitute).then(pl.col("first_year")).otherwise(pl.col("given_year")).alias("baseline_year"),
        scaled(pl.when(substitute).then(pl.col("first_value")).otherwise(pl.col("given_value"))).alias(
            "y0_s"
        ),
        substitute.alias("baseline_substituted"),
        scaled(pl.col("written_target")).alias("written_target_s"),
    ).with_columns(pl.col("y0_s").cast(EXACT))
