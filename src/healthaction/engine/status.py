"""Status of a numeric series (evaluation.md §2 steps 3, 5, 6 and the numeric rule table).

高血压患者规范管理率: 基期 84.2, 目标 2022 ≥ 70 — the baseline already meets the target, so
the series is in *maintain* mode: 65 in 2021 is OFF_TRACK `fell_below_target;regressing`
with s = 65 / 70. 居民健康素养水平 (基期 8, 目标 ≥ 22) is in *progress* mode: 19 in 2021
against the expected 19.2 gives R = 11 / 11.2 = 0.982143, ON_TRACK.
"""

from __future__ import annotations

import functools

import polars as pl

from healthaction.engine.comparators import NUMERIC
from healthaction.engine.exact import EXACT, round_scaled, step
from healthaction.engine.judgement import Judgement, clamped, first_of, fraction

DIRECTION = {">=": 1, ">": 1, "<=": -1, "<": -1, "increase": 1, "decrease": -1, "slow": -1}


def effective_target(frame: pl.LazyFrame, year: int) -> pl.LazyFrame:
    """Step 3 (T′, d_c) and the preliminary mode of step 6 (progress needs E, added later)."""
    kind, effective = _effective_target_columns(year)
    return frame.with_columns(kind).with_columns(effective)


@functools.lru_cache(maxsize=8)
def _effective_target_columns(year: int) -> tuple[tuple[pl.Expr, ...], tuple[pl.Expr, ...]]:
    """effective_target's two steps, built once per t* (building them cost more than running them on a
    county)."""
    written = pl.col("written_comparator")
    polarity = pl.col("polarity").fill_null(0)
    by_polarity = written.is_in(["=", "improve", "maintain"])
    assumed = written.is_in(["improve", "maintain"]) & (polarity == 0)
    d_c = (
        pl.when(written.is_in(list(DIRECTION)))
        .then(written.replace_strict(DIRECTION, default=0, return_dtype=pl.Int64))
        .when(assumed)
        .then(pl.lit(1, dtype=pl.Int64))
        .when(by_polarity)
        .then(polarity)
        .otherwise(pl.lit(0, dtype=pl.Int64))
    )
    numeric = written.is_in(NUMERIC)
    kind = (
        pl.when(numeric)
        .then(pl.lit("numeric"))
        .when(written == "slow")
        .then(pl.lit("slow"))
        .otherwise(pl.lit("word"))
    )
    r = step(pl.col("decimals"))
    shifted = (
        pl.when(written == ">")
        .then(pl.col("written_target_s") + r)
        .when(written == "<")
        .then(pl.col("written_target_s") - r)
        .otherwise(pl.col("written_target_s"))
    )
    effective = (
        pl.when(~numeric)
        .then(written)
        .when(pl.col("d_c") == 1)
        .then(pl.lit(">="))
        .when(pl.col("d_c") == -1)
        .then(pl.lit("<="))
        .otherwise(pl.lit("="))
    )
    beyond = (pl.col("written_target_s") - pl.col("y0_s")) * pl.col("d_c") > 0
    progress = (
        (pl.col("kind") == "numeric") & (pl.col("d_c") != 0) & beyond & (year > pl.col("baseline_year"))
    )
    return (kind.alias("kind"), d_c.alias("d_c"), assumed.alias("assumed_polarity")), (
        effective.alias("comparator"),
        pl.when(numeric | (written == "slow")).then(shifted).alias("target_s"),
        progress.fill_null(False).alias("progress"),
    )


def with_ratio(frame: pl.LazyFrame) -> pl.LazyFrame:
    """R = (y − y₀) / (E − y₀) as ratio_num / ratio_den with ratio_den > 0, where reported."""
    return frame.with_columns(_ratio_columns())


@functools.cache
def _ratio_columns() -> tuple[pl.Expr, ...]:
    den = pl.col("expected_num") - pl.col("y0_s") * pl.col("expected_den")
    num = (pl.col("y_s") - pl.col("y0_s")) * pl.col("expected_den")
    sign = pl.col("d_c").cast(EXACT)
    reported = pl.col("progress") & pl.col("y_s").is_not_null()
    return (
        pl.when(reported).then(num * sign).alias("ratio_num"),
        pl.when(reported).then(den * sign).alias("ratio_den"),
    )


@functools.cache
def numeric_facts() -> tuple[pl.Expr, ...]:
    """`met` (y meets T′, or equals T rounded for two-sided) and `worse_than_baseline`, once per row."""
    y, target, y0 = pl.col("y_s"), pl.col("target_s"), pl.col("y0_s")
    two_sided = pl.col("d_c") == 0
    met = (
        pl.when(two_sided)
        .then(
            round_scaled(y, pl.col("decimals"))
            == round_scaled(pl.col("written_target_s"), pl.col("decimals"))
        )
        .when(pl.col("d_c") == 1)
        .then(y >= target)
        .otherwise(y <= target)
    )
    worse = ~two_sided & y0.is_not_null() & ((y - y0) * pl.col("d_c").cast(EXACT) < 0)
    return met.alias("met"), worse.fill_null(False).alias("worse_than_baseline")


def judge_numeric(year: int) -> Judgement:
    y, y0 = pl.col("y_s"), pl.col("y0_s")
    two_sided = pl.col("d_c") == 0
    met = pl.col("met")
    no_value = y.is_null()
    has_baseline = y0.is_not_null()
    due = year >= pl.col("target_year")
    progress = pl.col("progress")
    num, den = pl.col("ratio_num"), pl.col("ratio_den")
    worse_than_baseline = pl.col("worse_than_baseline")
    status = (
        pl.when(no_value)
        .then(pl.lit("NO_DATA"))
        .when(met)
        .then(pl.lit("ACHIEVED"))
        .when(due)
        .then(pl.lit("OFF_TRACK"))
        .when(~has_baseline)
        .then(pl.lit("LAGGING"))
        .when(~progress)
        .then(pl.lit("OFF_TRACK"))
        .when(num * 100 >= den * 95)
        .then(pl.lit("ON_TRACK"))
        .when(num * 10 >= den * 6)
        .then(pl.lit("LAGGING"))
        .otherwise(pl.lit("OFF_TRACK"))
    )
    not_met = ~no_value & ~met
    maintain_rule = not_met & ~due & has_baseline & ~progress
    flags = {
        "early": ~no_value & met & (year < pl.col("target_year")),
        "declined_since_baseline": ~no_value & met & worse_than_baseline,
        "missed": not_met & due,
        "no_baseline": not_met & ~due & ~has_baseline,
        "fell_below_target": maintain_rule,
        "regressing": (maintain_rule & worse_than_baseline) | (not_met & ~due & progress & (num < 0)),
    }
    score_num, score_den = _score_fraction(met, no_value, two_sided)
    return Judgement(status, score_num, score_den, flags)


def _score_fraction(met: pl.Expr, no_value: pl.Expr, two_sided: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """evaluation.md §3: 1 if met, 0 without a value, else R, y / T′, T′ / y or 1 − |y − T| / |T|."""
    y, target, written = pl.col("y_s"), pl.col("target_s"), pl.col("written_target_s")
    one, zero = fraction(1), fraction(0)
    progress_num, progress_den = clamped(pl.col("ratio_num"), pl.col("ratio_den"))
    up_num, up_den = clamped(y, target)
    down_num, down_den = clamped(target, y)
    two_num, two_den = clamped(written.abs() - (y - written).abs(), written.abs())
    cases = [
        (met, one),
        (no_value, zero),
        (pl.col("progress"), (progress_num, progress_den)),
        (two_sided & (written == 0), zero),
        (two_sided, (two_num, two_den)),
        (target <= 0, zero),
        (pl.col("d_c") == 1, (up_num, up_den)),
        (y <= 0, zero),
    ]
    numerator = first_of([(condition, num) for condition, (num, _) in cases], down_num)
    denominator = first_of([(condition, den) for condition, (_, den) in cases], down_den)
    return numerator, denominator
