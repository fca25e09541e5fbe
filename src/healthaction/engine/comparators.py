"""Comparators of a target (plan-format.md) and what they say about an indicator's polarity."""

from __future__ import annotations

import polars as pl

NUMERIC = (">=", "<=", ">", "<", "=")
# 实现 · 下降 · 上升 · 改善 · 保持/巩固 · 持续减缓
WORDS = ("achieved", "decrease", "increase", "improve", "maintain", "slow")
ALL = NUMERIC + WORDS

# evaluation.md §1: without a polarity, `>= > increase` say higher is better, `<= < decrease slow` lower.
HIGHER_IS_BETTER = (">=", ">", "increase")
LOWER_IS_BETTER = ("<=", "<", "decrease", "slow")


def polarity_from_comparators(targets: pl.LazyFrame, by: str = "indicator") -> pl.LazyFrame:
    """indicator → polarity +1 / −1 from its comparators, 0 when they disagree or say nothing."""
    higher = pl.col("comparator").is_in(HIGHER_IS_BETTER).any()
    lower = pl.col("comparator").is_in(LOWER_IS_BETTER).any()
    return targets.group_by(by).agg(
        pl.when(higher & ~lower)
        .then(pl.lit(1, dtype=pl.Int64))
        .when(lower & ~higher)
        .then(pl.lit(-1, dtype=pl.Int64))
        .otherwise(pl.lit(0, dtype=pl.Int64))
        .alias("comparator_polarity")
    )


def check_comparators(targets: pl.DataFrame) -> None:
    """Refuse a comparator the engine does not know, or a numeric one without a value."""
    unknown = targets.filter(~pl.col("comparator").is_in(ALL))
    if unknown.height:
        row = unknown.row(0, named=True)
        raise ValueError(
            f"targets：{row['region']}「{row['indicator']}」{row['year']}年的比较符「{row['comparator']}」"
            f"无法识别，可用：{' '.join(ALL)}"
        )
    valueless = targets.filter(pl.col("comparator").is_in(NUMERIC) & pl.col("value").is_null())
    if valueless.height:
        row = valueless.row(0, named=True)
        raise ValueError(
            f"targets：{row['region']}「{row['indicator']}」{row['year']}年的目标「{row['comparator']}」缺少目标值"
        )
