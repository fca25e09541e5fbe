"""What a rule table decides for a series: status, flags and score fraction s = num / den."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from healthaction.engine import statuses
from healthaction.engine.exact import EXACT

STATUSES = statuses.CODES
# evaluation.md §2: 严重滞后 reads 未达标 when the target year has come (`missed`).
STATUS_LABELS = statuses.LABELS
MISSED_LABEL = statuses.MISSED.label

# Sorted, so that joining the present ones in this order gives the sorted `flags` cell.
FLAGS = (
    "assumed_polarity",
    "baseline_substituted",
    "deadline_passed",
    "declined_since_baseline",
    "early",
    "fell_below_target",
    "insufficient_points",
    "missed",
    "missing",
    "no_baseline",
    "regressing",
    "stale",
)


@dataclass(frozen=True)
class Judgement:
    """Expressions valid on the rows of one comparator kind (null or false elsewhere)."""

    status: pl.Expr
    score_num: pl.Expr
    score_den: pl.Expr
    flags: dict[str, pl.Expr] = field(default_factory=dict)


def first_of(cases: list[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
    """The value of the first case whose condition holds (a when/then chain, built from a table)."""
    expr = otherwise
    for condition, value in reversed(cases):
        expr = pl.when(condition).then(value).otherwise(expr)
    return expr


def fraction(num: int) -> tuple[pl.Expr, pl.Expr]:
    return pl.lit(num, dtype=EXACT), pl.lit(1, dtype=EXACT)


def clamped(num: pl.Expr, den: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """clamp(num / den, 0, 1) as a fraction, den > 0."""
    zero, one = pl.lit(0, dtype=EXACT), pl.lit(1, dtype=EXACT)
    clamped_num = pl.when(num <= 0).then(zero).when(num >= den).then(one).otherwise(num)
    clamped_den = pl.when((num <= 0) | (num >= den)).then(one).otherwise(den)
    return clamped_num, clamped_den
