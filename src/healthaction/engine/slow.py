"""`slow` (持续减缓): a level series whose yearly growth must keep falling (evaluation.md §2).

成人肥胖率, reference growth 5.3 % a year: 2017 = 14.0 (基期), 2020 = 15.5, 2022 = 16.4 grow
by 3.4510 % then 2.8623 % a year — slower each time and below 5.3 %, so ACHIEVED. With
2022 = 17.2 the last interval grows 5.34 % ≥ 5.3 %: OFF_TRACK.

Growth rates are compared in logarithms; the few series where two rates come within 10⁻⁹ of
each other (10 → 11 → 12.1 grows exactly 10 % twice) are decided again in whole numbers by
the reference implementation, so the verdict stays exact.
"""

from __future__ import annotations

import polars as pl

from healthaction.engine.exact import EXACT, scaled
from healthaction.engine.frames import ENGINE
from healthaction.engine.judgement import Judgement, fraction
from healthaction.engine.reference import slow_verdict

NEAR = 1e-9
SLOW_SCHEMA = {
    "sid": pl.Int64,
    "slow_status": pl.Utf8,
    "growth_last": pl.Float64,
    "growth_reference": pl.Float64,
}


def slow_verdicts(frame: pl.DataFrame, reported: pl.LazyFrame) -> pl.DataFrame:
    """sid → slow_status (NO_DATA when points are too few), last and reference growth in %.

    `reported`: the observations with a value up to t* (`series.reported_points`).
    """
    series = frame.filter((pl.col("kind") == "slow") & pl.col("y_s").is_not_null()).select(
        "sid", "baseline_year", "y0_s", "written_target_s"
    )
    if series.height == 0:
        return pl.DataFrame(schema=SLOW_SCHEMA)
    keys = series.get_column("sid")
    later = (
        reported.filter(pl.col("key").is_in(keys.implode()))
        .join(series.lazy().select(pl.col("sid").alias("key"), "sid", "baseline_year"), on="key", how="inner")
        .filter(pl.col("year") > pl.col("baseline_year"))
        .select("sid", "year", scaled(pl.col("value")).alias("level"))
    )
    starts = series.lazy().filter(pl.col("y0_s").is_not_null())
    starts = starts.select("sid", pl.col("baseline_year").alias("year"), pl.col("y0_s").alias("level"))
    ordered = pl.concat([starts, later]).sort("sid", "year")
    points = ordered.with_columns(pl.col("sid").set_sorted()).collect(engine=ENGINE)
    growth = _growth(points).join(series.select("sid", "written_target_s"), on="sid", how="right")
    decided = _decide(growth)
    near = decided.filter(pl.col("near")).get_column("sid").to_list()
    if near:
        exact = _exact(points.filter(pl.col("sid").is_in(near)), growth.filter(pl.col("sid").is_in(near)))
        decided = decided.update(exact, on="sid")
    return decided.select(list(SLOW_SCHEMA))


def _growth(points: pl.DataFrame) -> pl.DataFrame:
    same = pl.col("sid") == pl.col("sid").shift(1)
    log_level = pl.when(pl.col("level") > 0).then(pl.col("level").cast(pl.Float64).log())
    yearly = pl.when(same).then(
        (pl.col("log_level") - pl.col("log_level").shift(1)) / (pl.col("year") - pl.col("year").shift(1))
    )
    change = pl.when(same & (pl.col("sid") == pl.col("sid").shift(2))).then(
        pl.col("log_growth") - pl.col("log_growth").shift(1)
    )
    return (
        points.with_columns(log_level.alias("log_level"))
        .with_columns(yearly.alias("log_growth"))
        .with_columns(change.alias("change"))
        .group_by("sid", maintain_order=True)
        .agg(
            pl.len().alias("points"),
            (pl.col("level") <= 0).any().alias("nonpositive"),
            pl.col("log_growth").drop_nulls().first().alias("first_growth"),
            pl.col("log_growth").last().alias("last_growth"),
            pl.col("change").max().alias("fastest_change"),
            pl.col("change").abs().min().alias("closest_change"),
        )
    )


def _decide(growth: pl.DataFrame) -> pl.DataFrame:
    given = pl.col("written_target_s").is_not_null()
    reference = (
        pl.when(given)
        .then((pl.col("written_target_s").cast(pl.Float64) / 1e8).log1p())
        .otherwise(pl.col("first_growth"))
    )
    points = pl.col("points").fill_null(0)
    too_few = (points < pl.when(given).then(2).otherwise(3)) | pl.col("nonpositive").fill_null(False)
    slower = pl.col("last_growth") < pl.col("reference")
    steady = pl.col("fastest_change").fill_null(-1.0) <= 0
    status = (
        pl.when(too_few)
        .then(pl.lit("NO_DATA"))
        .when(~slower)
        .then(pl.lit("OFF_TRACK"))
        .when(steady)
        .then(pl.lit("ACHIEVED"))
        .otherwise(pl.lit("LAGGING"))
    )
    near = ~too_few & (
        ((pl.col("last_growth") - pl.col("reference")).abs() < NEAR)
        | (pl.col("closest_change").fill_null(1.0) < NEAR)
    )
    percent = (pl.col("last_growth").exp() - 1) * 100
    return growth.with_columns(reference.alias("reference")).select(
        "sid",
        status.alias("slow_status"),
        pl.when(~too_few).then(percent).alias("growth_last"),
        pl.when(~too_few).then((pl.col("reference").exp() - 1) * 100).alias("growth_reference"),
        near.alias("near"),
    )


def _exact(points: pl.DataFrame, growth: pl.DataFrame) -> pl.DataFrame:
    """The near ties again, one series at a time in whole numbers (a handful at most)."""
    by_series: dict[int, list[tuple[int, int]]] = {}
    for sid, year, level in points.iter_rows():
        by_series.setdefault(sid, []).append((year, level))
    references = dict(growth.select("sid", "written_target_s").iter_rows())
    verdicts = [(sid, slow_verdict(by_series[sid], references[sid])) for sid in by_series]
    return pl.DataFrame(verdicts, schema={"sid": pl.Int64, "slow_status": pl.Utf8}, orient="row")


def judge_slow() -> Judgement:
    no_value = pl.col("y_s").is_null()
    status = pl.when(no_value).then(pl.lit("NO_DATA")).otherwise(pl.col("slow_status"))
    insufficient = ~no_value & (pl.col("slow_status") == "NO_DATA")
    one, zero = fraction(1), fraction(0)
    score_num = pl.when(status == "ACHIEVED").then(one[0]).otherwise(zero[0])
    return Judgement(status, score_num, pl.lit(1, dtype=EXACT), {"insufficient_points": insufficient})
