"""One row per series (region, indicator) at t*: active milestone, value used and baseline.

evaluation.md §2 steps 1–4. A *series* is one region's indicator; 平川区 · 居民健康素养水平
with targets 2022 ≥ 22 and 2030 ≥ 30 is assessed in 2024 against its active milestone 2030,
with the latest value reported up to 2024 (2023: 24, flagged `stale`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from healthaction.engine.comparators import polarity_from_comparators
from healthaction.engine.exact import EXACT, SCALE_DIGITS, scaled
from healthaction.engine.frames import ENGINE

KEY = ["region", "indicator"]
# A series is keyed by one integer: region code · 2³² + indicator code, the codes being
# positions in the sorted names of the targets' regions and indicators, so that sorting by
# key sorts by region then indicator. Exact (no hashing), and integer joins are cheap.
CODE_SHIFT = 2**32

TARGETS_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "comparator": pl.Utf8}
POINTS_SCHEMA = {"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64}
INDICATOR_DEFAULTS = {"decimals": 2, "max_age": 1, "weight": 1.0}


def typed(frame: pl.DataFrame, schema: Mapping[str, pl.DataType | type[pl.DataType]]) -> pl.LazyFrame:
    """The columns the engine reads, cast to their types (the caller has validated them)."""
    return frame.lazy().select([pl.col(name).cast(dtype) for name, dtype in schema.items()])


@dataclass(frozen=True)
class Names:
    regions: list[str]
    indicators: list[str]

    @classmethod
    def of(cls, targets: pl.DataFrame) -> Names:
        def sorted_names(column: str) -> list[str]:
            return targets.get_column(column).cast(pl.Utf8).drop_nulls().unique().sort().to_list()

        return cls(sorted_names("region"), sorted_names("indicator"))

    def keyed(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """`key` for each row; rows of a region or indicator without targets are dropped."""
        region = pl.col("region").cast(pl.Enum(self.regions), strict=False).to_physical().cast(pl.Int64)
        indicator = pl.col("indicator").cast(pl.Enum(self.indicators), strict=False).to_physical()
        key = region * CODE_SHIFT + indicator.cast(pl.Int64)
        return frame.with_columns(key.alias("key")).filter(pl.col("key").is_not_null())

    def decoded(self) -> list[pl.Expr]:
        """region and indicator names back from `key`."""
        region = pl.lit(pl.Series(self.regions, dtype=pl.Utf8)).gather(pl.col("key") // CODE_SHIFT)
        indicator = pl.lit(pl.Series(self.indicators, dtype=pl.Utf8)).gather(pl.col("key") % CODE_SHIFT)
        return [region.alias("region"), indicator.alias("indicator")]


def milestones(targets: pl.LazyFrame, year: int) -> pl.LazyFrame:
    """Per series: the active milestone (first with year ≥ t*, else the last), in key order.

    `targets` come from `first_per_year`: in (key, year) order with one row per series and
    year. The years ≥ t* of a series are then its last rows, so the active milestone is the
    first of them or, when there is none, the series' last row; no group-by is needed.
    """
    key, ahead = pl.col("key"), pl.col("year") >= year
    same_series = key == key.shift(1)
    last_of_series = (key != key.shift(-1)).fill_null(True)
    first_ahead = ahead & ~(same_series & ahead.shift(1)).fill_null(False)
    active = (first_ahead | (last_of_series & ~ahead)).fill_null(False)
    return targets.filter(active).select(
        "key",
        pl.col("year").alias("target_year"),
        pl.col("comparator").alias("written_comparator"),
        pl.col("value").alias("written_target"),
        (pl.col("year") < year).alias("deadline_passed"),
    )


def in_series_order(rows: pl.DataFrame) -> pl.DataFrame:
    """Rows in (key, year) order, ties in their given order, `key` flagged sorted.

    Rows usually arrive in this order already (a checked scan, no sort); every later group-by
    then runs over sorted groups, several times cheaper than hashing the keys.
    """
    key, year = pl.col("key"), pl.col("year")
    low, high, nulls, largest = rows.select(
        year.min().alias("low"), year.max().alias("high"), year.null_count().alias("nulls"), key.max()
    ).row(0)
    if rows.height and not nulls and (largest + 1) * (high - low + 1) < 2**62:
        # One integer in (key, year) order: checked in one scan, sorted on one column.
        order = rows.select(key * (high - low + 1) + (year - low)).to_series()
        if not order.is_sorted():
            rows = rows.with_columns(order.alias("order")).sort("order", maintain_order=True).drop("order")
    elif rows.height:
        rows = rows.sort("key", "year", maintain_order=True)
    return rows.with_columns(key.set_sorted())


def first_per_year(targets: pl.DataFrame) -> pl.DataFrame:
    """Targets in series order with one row per series and year (the first given)."""
    ordered = in_series_order(targets)
    repeated = (pl.col("key") == pl.col("key").shift(1)) & (pl.col("year") == pl.col("year").shift(1))
    if ordered.select(repeated.any()).item():
        ordered = ordered.filter(~repeated.fill_null(False))
    return ordered


def reported_points(observations: pl.DataFrame, names: Names, year: int) -> pl.DataFrame:
    """key, year, value of the observations with a value up to t*, in series order (filtered
    before keying). The names are not carried on: copying them for 4 M rows cost more than keying."""
    points = typed(observations, POINTS_SCHEMA).filter(
        (pl.col("year") <= year) & pl.col("value").is_not_null()
    )
    keyed = names.keyed(points).select("key", "year", "value")
    return in_series_order(keyed.collect(engine=ENGINE).rechunk())  # one chunk: cheaper scans


def indicator_parameters(
    targets: pl.LazyFrame, indicators: pl.DataFrame | None, names: Names
) -> pl.LazyFrame:
    """indicator_code → polarity, decimals (0…6), max_age, weight, unit, with the defaults of §1."""
    code = (pl.col("key") % CODE_SHIFT).alias("indicator_code")
    from_comparators = polarity_from_comparators(targets.with_columns(code), by="indicator_code")
    columns = {"polarity": pl.Int64, "decimals": pl.Int64, "max_age": pl.Int64, "weight": pl.Float64}
    if indicators is None:
        given = pl.LazyFrame(schema={"indicator_code": pl.Int64, **columns, "unit": pl.Utf8})
    else:
        given = indicators.lazy().select(
            pl.col("indicator")
            .cast(pl.Utf8)
            .cast(pl.Enum(names.indicators), strict=False)
            .to_physical()
            .cast(pl.Int64)
            .alias("indicator_code"),
            *[
                (pl.col(name) if name in indicators.columns else pl.lit(None)).cast(dtype).alias(name)
                for name, dtype in {**columns, "unit": pl.Utf8}.items()
            ],
        )
        given = given.filter(pl.col("indicator_code").is_not_null())
        given = given.unique(subset=["indicator_code"], keep="first", maintain_order=True)
    return from_comparators.join(given, on="indicator_code", how="left").select(
        "indicator_code",
        pl.coalesce("polarity", "comparator_polarity").alias("polarity"),
        pl.col("decimals").fill_null(INDICATOR_DEFAULTS["decimals"]).clip(0, SCALE_DIGITS),
        pl.col("max_age").fill_null(INDICATOR_DEFAULTS["max_age"]),
        pl.col("weight").fill_null(INDICATOR_DEFAULTS["weight"]),
        "unit",
    )


def observed(points: pl.LazyFrame) -> pl.LazyFrame:
    """Per series: latest and earliest reported observation, and how many there are.

    `points` come from `reported_points` (in series order, values up to t* only).
    """
    return points.group_by("key", maintain_order=True).agg(
        pl.col("year").last().alias("last_year"),
        pl.col("value").last().alias("last_value"),
        pl.col("year").first().alias("first_year"),
        pl.col("value").first().alias("first_value"),
        pl.len().alias("reported"),
    )


def given_baselines(baselines: pl.DataFrame | None, names: Names) -> pl.DataFrame:
    """key → given_year, given_value: the first baseline given for each series, in key order."""
    if baselines is None:
        return pl.DataFrame(schema={"key": pl.Int64, "given_year": pl.Int64, "given_value": pl.Float64})
    given = (
        names.keyed(typed(baselines, POINTS_SCHEMA))
        .filter(pl.col("value").is_not_null() & pl.col("year").is_not_null())
        .select("key", pl.col("year").alias("given_year"), pl.col("value").alias("given_value"))
        .collect(engine=ENGINE)
    )
    if not given.get_column("key").is_sorted():
        given = given.sort("key", maintain_order=True)
    return given.filter((pl.col("key") != pl.col("key").shift(1)).fill_null(True))


def aligned(keys: pl.Series, table: pl.DataFrame, on: str = "key") -> pl.DataFrame:
    """The other columns of `table` (unique `on` in ascending order) for each of `keys`, null where absent.

    A left join by binary search and gather: both sides are already in key order.
    """
    rest = table.drop(on)
    if table.height == 0:  # all null (a repeat per column: DataFrame.clear(n) took three times as long)
        return pl.select(
            pl.repeat(None, keys.len(), dtype=dtype).alias(name) for name, dtype in rest.schema.items()
        )
    sorted_keys = table.get_column(on)
    if table.height == keys.len() and sorted_keys.equals(keys, check_names=False):
        return rest  # the same keys: already aligned
    position = sorted_keys.search_sorted(keys, side="left").cast(pl.Int64).clip(upper_bound=table.height - 1)
    found = sorted_keys.gather(position) == keys
    index = pl.select(pl.when(pl.lit(found)).then(pl.lit(position))).to_series()
    return rest.select(pl.all().gather(index))


def static_frame(
    targets: pl.DataFrame, parameters: pl.DataFrame, given: pl.DataFrame, year: int
) -> pl.DataFrame:
    """Steps 1 and 2 without the observations: active milestone, indicator parameters, given baseline.

    `parameters` from `indicator_parameters` in indicator_code order, `given` from `given_baselines`.
    """
    active = milestones(targets.lazy(), year).collect(engine=ENGINE)
    keys = active.get_column("key")
    codes = (keys % CODE_SHIFT).alias("indicator_code")
    return pl.concat(
        [active, aligned(codes, parameters, on="indicator_code"), aligned(keys, given)], how="horizontal"
    )


def series_frame(static: pl.DataFrame, points: pl.LazyFrame, year: int) -> pl.LazyFrame:
    """Steps 1, 2 and 4: value used (y), active milestone, baseline (t₀, y₀) — values in millionths."""
    keys = static.get_column("key")
    reported = observed(points).collect(engine=ENGINE)
    frame = pl.concat([static, aligned(keys, reported)], how="horizontal").lazy()
    return frame.with_columns(_frame_columns(year)).with_columns(pl.col("y0_s").cast(EXACT))


@functools.lru_cache(maxsize=8)
def _frame_columns(year: int) -> tuple[pl.Expr, ...]:
    """series_frame's columns, built once per t*."""
    has_value = pl.col("last_year").is_not_null() & (year - pl.col("last_year") <= pl.col("max_age"))
    substitute = (
        pl.col("given_year").is_null()
        & (pl.col("reported").fill_null(0) >= 2)
        & (pl.col("written_comparator") != "achieved")
    )
    return (
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
    )
