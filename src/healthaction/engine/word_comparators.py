"""Status of a series whose target is a word: 实现 · 下降 · 上升 · 改善 · 保持 (evaluation.md §2).

尘肺病新发病例占比 `decrease`: 基期 12, 2022 reports 10.5 — lower than the baseline, ACHIEVED;
9 → 9 is equal, LAGGING before the target year and OFF_TRACK from it; a rise is OFF_TRACK
`regressing`. 科普专家库 `achieved` reports 1 (是) or 0 (否). Words never take `early`,
`missed` or `declined_since_baseline`, and "equal" means exactly equal.
"""

from __future__ import annotations

import polars as pl

from healthaction.engine.exact import EXACT
from healthaction.engine.judgement import Judgement, fraction

DIRECTED = ("decrease", "increase", "improve")


def judge_words(year: int) -> Judgement:
    written = pl.col("written_comparator")
    y, y0 = pl.col("y_s"), pl.col("y0_s")
    no_value = y.is_null()
    due = year >= pl.col("target_year")
    change = (y - y0) * pl.col("d_c").cast(EXACT)
    no_reference = y0.is_null() & (written != "achieved")
    achieved = (
        pl.when(written == "achieved")
        .then(y != 0)
        .when(written == "maintain")
        .then(change >= 0)
        .otherwise(change > 0)
    )
    status = (
        pl.when(no_value)
        .then(pl.lit("NO_DATA"))
        .when(no_reference)
        .then(pl.lit("LAGGING"))
        .when(achieved)
        .then(pl.lit("ACHIEVED"))
        .when(written.is_in(DIRECTED) & (change == 0) & ~due)
        .then(pl.lit("LAGGING"))
        .when((written == "achieved") & ~due)
        .then(pl.lit("LAGGING"))
        .otherwise(pl.lit("OFF_TRACK"))
    )
    counted = ~no_value & ~no_reference
    flags = {
        "no_baseline": ~no_value & no_reference,
        "regressing": (counted & (written != "achieved") & (change < 0)).fill_null(False),
    }
    one, zero = fraction(1), fraction(0)
    score_num = pl.when(status == "ACHIEVED").then(one[0]).otherwise(zero[0])
    return Judgement(status, score_num, pl.lit(1, dtype=EXACT), flags)
