"""考核 score of each region (evaluation.md §3): S = 100 · Σ wᵢ sᵢ / Σ wᵢ, then 加分/扣分/一票否决.

Four counties weighted 30/20/20/10/20: A's fractions 13/14, 1, 1, 1, 1 give
S = 100 · (30 · 13/14 + 70) / 100 = 97.857… → 97.86. The sum is exact: every sᵢ is taken
to 10⁻¹² from below, which bounds the true sum within the weights of the inexact terms;
where that bound straddles a rounding edge (1/3 + 2/3 lands exactly on one) the region is
summed again in fractions.
"""

from __future__ import annotations

import functools
from fractions import Fraction

import polars as pl

from healthaction.engine.exact import EXACT, SCALE, scaled
from healthaction.engine.frames import ENGINE
from healthaction.engine.judgement import first_of
from healthaction.engine.model import EvaluationOptions

DIGITS = 12
GRADES = ((9000, "优秀"), (8000, "良好"), (6000, "合格"))
KINDS = ("bonus", "deduction", "veto")


def adjustments_of(adjustments: pl.DataFrame | None, year: int) -> pl.LazyFrame:
    """region → bonus_s, deduction_s (millionths), vetoed; only adjustments dated t* count."""
    schema = {"region": pl.Utf8, "bonus_s": EXACT, "deduction_s": EXACT, "vetoed": pl.Boolean}
    if adjustments is None:
        return pl.LazyFrame(schema=schema)
    unknown = adjustments.filter(~pl.col("kind").is_in(KINDS))
    if unknown.height:
        row = unknown.row(0, named=True)
        raise ValueError(
            f"adjustments：{row['region']}的调整类型「{row['kind']}」无法识别，可用：bonus deduction veto"
        )
    points = scaled(pl.col("points").cast(pl.Float64).fill_null(0.0))
    return (
        adjustments.lazy()
        .filter(pl.col("year").cast(pl.Int64) == year)
        .group_by(pl.col("region").cast(pl.Utf8))
        .agg(
            points.filter(pl.col("kind") == "bonus").sum().alias("bonus_s"),
            points.filter(pl.col("kind") == "deduction").sum().alias("deduction_s"),
            (pl.col("kind") == "veto").any().alias("vetoed"),
        )
    )


def region_scores(
    series: pl.LazyFrame, adjustments: pl.DataFrame | None, year: int, options: EvaluationOptions
) -> pl.DataFrame:
    """(region, weight, score_num, score_den, status) rows → score, bonus, deduction, final in hundredths."""
    sums, adjusted, bounds = _sum_columns(options.bonus_cap)
    plan = (
        series.group_by("region")
        .agg(sums)
        .join(adjustments_of(adjustments, year), on="region", how="left")
        .with_columns(adjusted)
    )
    frame = _settle_near_edges(plan.with_columns(bounds).collect(engine=ENGINE), series)
    return frame.select(
        "region",
        pl.col("score_lo").alias("score_h"),
        pl.col("final_lo").alias("final_h"),
        "bonus_s",
        "deduction_s",
        "vetoed",
        "achieved",
        "assessed",
    )


@functools.lru_cache(maxsize=8)
def _sum_columns(bonus_cap: float) -> tuple[tuple[pl.Expr, ...], tuple[pl.Expr, ...], tuple[pl.Expr, ...]]:
    """region_scores' three steps (sums per region, adjustments capped, score and final bounds), built
    once (building them cost more than running them on one county)."""
    units = pl.lit(10**DIGITS, dtype=EXACT)
    weight = scaled(pl.col("weight"))
    share = pl.col("score_num") * units
    sums = (
        (weight * (share // pl.col("score_den"))).sum().alias("low"),
        (weight * (share % pl.col("score_den") != 0).cast(EXACT)).sum().alias("slack"),
        weight.sum().alias("weights"),
        (pl.col("status") == "ACHIEVED").sum().cast(pl.Int64).alias("achieved"),
        pl.len().cast(pl.Int64).alias("assessed"),
    )
    cap = pl.lit(scaled_int(bonus_cap), dtype=EXACT)
    capped = (
        pl.min_horizontal(pl.col("bonus_s").fill_null(0), cap).alias("bonus_s"),
        pl.col("deduction_s").fill_null(0),
        pl.col("vetoed").fill_null(False),
        pl.when(pl.col("weights") > 0).then(pl.col("weights")).otherwise(1).alias("weights"),
    )
    scale = units * pl.col("weights")
    adjusted = (pl.col("bonus_s") - pl.col("deduction_s")) * (units // 10_000) * pl.col("weights")
    bounds = []
    for end, total in (("lo", pl.col("low")), ("hi", pl.col("low") + pl.col("slack"))):
        bounds.append(_hundredths(total * 10_000, scale).alias(f"score_{end}"))
        bounds.append(
            pl.max_horizontal(_hundredths(total * 10_000 + adjusted, scale), 0).alias(f"final_{end}")
        )
    return sums, capped, tuple(bounds)


def scaled_int(value: float) -> int:
    millionths: int = round(value * SCALE)
    return millionths


def grade(final_hundredths: pl.Expr) -> pl.Expr:
    """优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格; a vetoed region is 不合格 whatever its score."""
    cases = [(pl.col("vetoed"), pl.lit("不合格"))]
    cases += [(final_hundredths >= floor, pl.lit(name)) for floor, name in GRADES]
    return first_of(cases, pl.lit("不合格"))


def _hundredths(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
    """floor(numerator / denominator + 1/2): half-up to whole hundredths of a point."""
    return (numerator * 2 + denominator) // (denominator * 2)


def _settle_near_edges(frame: pl.DataFrame, series: pl.LazyFrame) -> pl.DataFrame:
    near = frame.filter(
        (pl.col("score_lo") != pl.col("score_hi")) | (pl.col("final_lo") != pl.col("final_hi"))
    )
    if near.height == 0:
        return frame
    regions = near.get_column("region").to_list()
    terms = (
        series.filter(pl.col("region").is_in(regions))
        .select("region", scaled(pl.col("weight")).alias("w"), "score_num", "score_den")
        .collect(engine=ENGINE)
    )
    sums: dict[str, list[Fraction]] = {r: [Fraction(0), Fraction(0)] for r in regions}
    for region, w, num, den in terms.iter_rows():
        sums[region][0] += w * Fraction(num, den)
        sums[region][1] += w
    exact_rows = []
    for region, bonus_s, deduction_s in near.select("region", "bonus_s", "deduction_s").iter_rows():
        weighted, weights = sums[region]
        score = 100 * weighted / weights if weights else Fraction(0)
        final = max(Fraction(0), score + Fraction(bonus_s - deduction_s, SCALE))
        exact_rows.append((region, _half_up_hundredths(score), _half_up_hundredths(final)))
    settled = pl.DataFrame(
        exact_rows, schema={"region": pl.Utf8, "score_lo": EXACT, "final_lo": EXACT}, orient="row"
    )
    return frame.update(settled, on="region")


def _half_up_hundredths(value: Fraction) -> int:
    return int(value * 100 + Fraction(1, 2))
