"""Rank within each parent group (evaluation.md §3).

Non-vetoed regions by rounded `final`, descending; ties share a rank (1, 2, 2, 4). Every
vetoed region comes after them all: rank = (non-vetoed regions in the group) + 1. With
`tie_break="achieved"` equal finals are ordered by their number of ACHIEVED series.
"""

from __future__ import annotations

import polars as pl

# final is at most a few thousand hundredths above 100 points; the count of ACHIEVED series
# fits below this factor, so one integer orders by (final, achieved).
TIE_FACTOR = 1_000_000


def rank(tie_break: str | None) -> pl.Expr:
    key = pl.col("final_h").cast(pl.Int64)
    if tie_break == "achieved":
        key = key * TIE_FACTOR + pl.col("achieved")
    standing = pl.when(~pl.col("vetoed")).then(key).rank("min", descending=True).over("parent")
    after_all = (~pl.col("vetoed")).sum().over("parent") + 1
    return pl.when(pl.col("vetoed")).then(after_all).otherwise(standing).cast(pl.Int64)


def ranked(scores: pl.DataFrame, tie_break: str | None = None) -> pl.Series:
    """The ranks of stored scores (region, parent, final in points, vetoed, achieved): when one region's
    score changed, its siblings are ranked again from their stored finals without evaluating them."""
    final_h = (pl.col("final").cast(pl.Float64) * 100).round(0).cast(pl.Int64)
    frame = scores.with_columns(final_h.alias("final_h"), pl.col("vetoed").fill_null(False))
    return frame.select(rank(tie_break).alias("rank")).get_column("rank")
