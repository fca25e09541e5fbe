"""Validated input tables for the engine: series units, observations converted, polarity filled.

The engine takes every value of a series in one unit, the *series unit*: the unit of
the series' earliest milestone that states one (else the indicators file's). Other
milestones, baselines and observations that state a unit are converted into it within
% ↔ ‰ ↔ 1/10万; one that cannot be converted is bad input. Values without a unit are
taken to be in it. Polarity comes from the indicators file, then from the national
catalog by name; the engine falls back on the comparators. Everything runs on whole
columns: a national targets file has close to a million rows.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field

import polars as pl

from healthaction.catalog import UnitError
from healthaction.catalog.units import scale_exponent
from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.errors import InputError, raised_after
from healthaction.evaluation_io.indicator_defaults import (
    IndicatorSettings,
    catalog_defaults,
    contradicting_polarity,
    doubtful_labels,
    read_indicators,
    synonyms,
)
from healthaction.evaluation_io.observations import read_observations
from healthaction.evaluation_io.records import Places

SERIES = ["region", "indicator"]


@dataclass
class SeriesInputs:
    """The engine's input tables, plus what the user should be told about them."""

    targets: pl.DataFrame
    observations: pl.DataFrame
    baselines: pl.DataFrame
    indicators: pl.DataFrame
    regions: pl.DataFrame | None = None
    adjustments: pl.DataFrame | None = None
    series_units: pl.DataFrame = field(default_factory=pl.DataFrame)  # region, indicator, series_unit
    suspect_units: pl.DataFrame | None = None  # region, indicator of series flagged unit_suspect
    latest_year: int | None = None
    year_counts: dict[int, int] = field(default_factory=dict)  # regions with a value, per year
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def units(self) -> dict[tuple[str, str], str | None]:
        """The series unit of each (region, indicator), for the reports."""
        rows = self.series_units.select("region", "indicator", "series_unit").iter_rows()
        return {(region, indicator): unit for region, indicator, unit in rows}


class SeriesCodes:
    """One integer per (region, indicator) of the targets: region number × indicators + indicator
    number, from two small dictionaries. Checks, groups and joins then run on one integer column
    instead of hashing two names per row (a national targets file has 853,200 rows)."""

    def __init__(self, targets: pl.DataFrame) -> None:
        regions = targets.get_column("region").unique().to_list()
        indicators = targets.get_column("indicator").unique().to_list()
        self.regions = {name: code for code, name in enumerate(regions)}
        self.indicators = {name: code for code, name in enumerate(indicators)}

    def of(self) -> pl.Expr:
        """The series number of each row; null for a region or indicator without a target."""
        region = pl.col("region").replace_strict(self.regions, default=None, return_dtype=pl.Int64)
        indicator = pl.col("indicator").replace_strict(self.indicators, default=None, return_dtype=pl.Int64)
        return (region * len(self.indicators) + indicator).alias("series")


def _repeats(frame: pl.DataFrame, key: pl.Expr) -> bool:
    """Whether two rows share the integer ``key``: one pass when the rows are in order, else a sort."""
    keys = frame.select(key).to_series()
    if (keys.diff().drop_nulls() > 0).all():
        return False
    return bool((keys.sort().diff().drop_nulls() == 0).any())


def _first_repeat(frame: pl.DataFrame, key: list[str]) -> tuple[dict[str, object], dict[str, object]] | None:
    """The first row (in frame order) whose key an earlier row has, and that earlier row."""
    if "series" in frame.columns and set(key) <= {"series", "year"}:
        year = (pl.col("year") + (1 << 31)) if "year" in key else pl.lit(0)
        if not _repeats(frame, pl.col("series") * (1 << 32) + year):
            return None
    indexed = frame.with_row_index("_pos").with_columns(pl.col("_pos").min().over(key).alias("_first"))
    repeat = indexed.filter(pl.col("_pos") != pl.col("_first")).head(1)
    if repeat.height == 0:
        return None
    later = repeat.row(0, named=True)
    earlier = indexed.row(int(later["_first"]), named=True)
    return later, earlier


def _dated_targets(targets: pl.DataFrame, places: Places, warnings: list[str]) -> pl.DataFrame:
    """Targets with a year, each (region, indicator, year) once."""
    for row in targets.filter(pl.col("year").is_null()).iter_rows(named=True):
        warnings.append(f"{places.of(row)}：{row['region']}「{row['indicator']}」的目标没有年份，未参与评估")
    dated = targets.filter(pl.col("year").is_not_null())
    repeat = _first_repeat(dated, ["series", "year"])
    if repeat is not None:
        later, earlier = repeat
        raise InputError(places.of(later), f"与{places.of(earlier)}重复（同一地区、指标和年份的目标）")
    return dated


def _series_units(targets: pl.DataFrame, settings: dict[str, IndicatorSettings]) -> pl.DataFrame:
    """region, indicator, series_unit: the earliest milestone's stated unit, else the indicators file's."""
    # Grouped on row numbers, the names and units then taken by position: sorting and grouping
    # 853,200 rows of texts cost several times more.
    rows = (
        targets.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias("at"), "series", "year", "unit")
        .sort("year", maintain_order=True)
        .group_by("series", maintain_order=True)
        .agg(pl.col("at").first(), pl.col("at").filter(pl.col("unit").is_not_null()).first().alias("unit_at"))
    )
    first, unit_at = rows.get_column("at"), rows.get_column("unit_at")
    units = pl.DataFrame(
        [
            targets.get_column("region").gather(first),
            targets.get_column("indicator").gather(first),
            targets.get_column("unit").gather(unit_at).alias("series_unit"),
            rows.get_column("series"),
        ]
    )
    given = {name: s.unit for name, s in settings.items() if s.unit is not None}
    if given:
        fallback = pl.col("indicator").replace_strict(given, default=None, return_dtype=pl.Utf8)
        units = units.with_columns(pl.coalesce("series_unit", fallback).alias("series_unit"))
    return units


def in_series_unit(
    frame: pl.DataFrame, places: Places, what: str, *, skip: pl.Expr | None = None
) -> pl.DataFrame:
    """``value`` from ``unit`` into ``series_unit`` (a power of ten), or the first row that cannot be."""
    needs = (
        pl.col("unit").is_not_null()
        & pl.col("series_unit").is_not_null()
        & (pl.col("unit") != pl.col("series_unit"))
    )
    if skip is not None:
        needs = needs & ~skip
    pairs = frame.filter(needs).select("unit", "series_unit").unique(maintain_order=True)
    factor = pl.lit(0, dtype=pl.Int64)
    for unit, series_unit in pairs.iter_rows():
        try:
            power = scale_exponent(unit, series_unit)
        except UnitError:
            bad = frame.filter(
                needs & (pl.col("unit") == unit) & (pl.col("series_unit") == series_unit)
            ).head(1)
            row = bad.row(0, named=True)
            raise InputError(
                places.of(row), f"单位「{unit}」无法换算为{what}的单位「{series_unit}」", "unit"
            ) from None
        here = needs & (pl.col("unit") == unit) & (pl.col("series_unit") == series_unit)
        factor = pl.when(here).then(pl.lit(power, dtype=pl.Int64)).otherwise(factor)
    if pairs.height == 0:
        return frame
    # Multiplying or dividing by an exact power of ten, then rounded to 10 places:
    # 13.7 ‰ is 1.37 %, not 1.3699999999999999.
    exponent = factor
    scaled = (
        pl.when(exponent >= 0)
        .then(pl.col("value") * pl.lit(10.0).pow(exponent))
        .otherwise(pl.col("value") / pl.lit(10.0).pow(-exponent))
    )
    return frame.with_columns(
        pl.when(exponent != 0).then(scaled.round(10)).otherwise(pl.col("value")).alias("value")
    )


def _stated_as_series(labels: pl.DataFrame, units: pl.DataFrame) -> bool:
    """Whether every unit a table states is the unit of its series, seen on its distinct
    (indicator, unit) ``labels``: each indicator has one series unit and its rows state no other.
    Then no row is converted and no column of series units is joined to every row (a national
    targets file: 853,200)."""
    series_units = units.select("indicator", "series_unit").drop_nulls().unique()
    if series_units.get_column("indicator").is_duplicated().any():
        return False
    unit_of = dict(series_units.iter_rows())
    stated = labels.select("indicator", "unit").drop_nulls()
    return all(unit_of.get(indicator) == unit for indicator, unit in stated.iter_rows())


def _engine_targets(
    dated: pl.DataFrame, units: pl.DataFrame, places: Places, labels: pl.DataFrame
) -> pl.DataFrame:
    if _stated_as_series(labels, units):
        return dated.select("region", "indicator", "year", "comparator", "value")
    joined = dated.join(units.select("series", "series_unit"), on="series", how="left", maintain_order="left")
    # A `slow` value is a growth rate in % per year, not in the indicator's unit.
    converted = in_series_unit(joined, places, "同一指标其他目标", skip=pl.col("comparator") == "slow")
    return converted.select("region", "indicator", "year", "comparator", "value")


def _engine_baselines(
    baselines: pl.DataFrame, units: pl.DataFrame, places: Places, labels: pl.DataFrame
) -> pl.DataFrame:
    as_series = _stated_as_series(labels, units)
    if as_series:
        applicable = baselines.filter(pl.col("series").is_in(units.get_column("series").implode()))
    else:
        applicable = baselines.join(
            units.select("series", "series_unit"), on="series", how="inner", maintain_order="left"
        )  # no target: not applicable
    repeat = _first_repeat(applicable, ["series"])
    if repeat is not None:
        later, earlier = repeat
        raise InputError(places.of(later), f"与{places.of(earlier)}重复（同一地区和指标的基期）")
    converted = applicable if as_series else in_series_unit(applicable, places, "目标")
    return converted.select("region", "indicator", "year", "value")


def _indicators_frame(
    dated: pl.DataFrame,
    units: pl.DataFrame,
    settings: dict[str, IndicatorSettings],
    places: Places,
    notes: list[str],
) -> pl.DataFrame:
    comparators = dated.group_by("indicator", maintain_order=True).agg(pl.col("comparator").unique().sort())
    unit_counts = (
        units.filter(pl.col("series_unit").is_not_null())
        .group_by("indicator", "series_unit", maintain_order=True)
        .len()
        .sort("len", descending=True, maintain_order=True)
    )
    unit_lists = units.group_by("indicator").agg(pl.col("series_unit").unique())
    series_units = {name: list(values) for name, values in unit_lists.iter_rows()}
    common = dict(
        unit_counts.group_by("indicator", maintain_order=True).agg(pl.col("series_unit").first()).iter_rows()
    )
    rows = []
    for indicator, used in comparators.iter_rows():
        given = settings.get(indicator)
        if given is not None and given.polarity is not None:
            contradicting_polarity(given, indicator, used, dated, places)
        polarity, max_age = catalog_defaults(indicator, given, series_units.get(indicator, []), used, notes)
        rows.append(
            {
                "indicator": indicator,
                "polarity": polarity,
                "decimals": given.decimals if given else None,
                "max_age": max_age,
                "weight": given.weight if given else None,
                "unit": common.get(indicator),
            }
        )
    schema = {
        "indicator": pl.Utf8,
        "polarity": pl.Int64,
        "decimals": pl.Int64,
        "max_age": pl.Int64,
        "weight": pl.Float64,
        "unit": pl.Utf8,
    }
    return pl.DataFrame(rows, schema=schema)


def read_regions(table: CsvTable | None) -> pl.DataFrame | None:
    if table is None:
        return None
    frame = table.frame.select("row", "region", pl.col("parent").replace("", None))
    empty = frame.filter(pl.col("region") == "").head(1)
    if empty.height:
        raise table.error(empty["row"][0], "region", "不能为空")
    repeat = _first_repeat(frame, ["region"])
    if repeat is not None:
        later, earlier = repeat
        region, first = later["region"], table.line(int(str(earlier["row"])))
        raise table.error(int(str(later["row"])), "region", f"地区「{region}」重复（第{first}行已有）")
    return frame.select("region", "parent")


def read_adjustments(table: CsvTable | None) -> pl.DataFrame | None:
    if table is None:
        return None
    rows = []
    for row in table:
        kind = cells.adjustment_kind(row)
        points = cells.number(row, "points", required=kind != "veto")
        if points is not None and points < 0:
            raise row.error("points", f"分值不能为负数，实际为「{row['points']}」")
        region = row["region"]
        if not region:
            raise row.error("region", "不能为空")
        rows.append(
            {
                "region": region,
                "year": cells.year(row),
                "kind": kind,
                "points": float(points) if points is not None and kind != "veto" else None,
                "reason": row["reason"] or None,
            }
        )
    schema = {"region": pl.Utf8, "year": pl.Int64, "kind": pl.Utf8, "points": pl.Float64, "reason": pl.Utf8}
    return pl.DataFrame(rows, schema=schema)


def prepare_series(
    targets: pl.DataFrame,
    baselines: pl.DataFrame,
    observations: Future[CsvTable],
    places: Places,
    *,
    indicators: CsvTable | None = None,
    regions: CsvTable | None = None,
    adjustments: CsvTable | None = None,
    typed_observations: Future[pl.DataFrame],
) -> SeriesInputs:
    """Every input checked and put into the engine's tables; warnings and notes for the user.

    ``observations``: the reading of the observations file and ``typed_observations`` its plain
    cells typed (``observations.typed_observations``), perhaps still under way on another thread;
    their errors are raised where they were when the file was read before these checks."""
    warnings: list[str] = []
    notes: list[str] = []
    # The observations may still be being read: the targets' own checks run meanwhile.
    with raised_after(observations):
        settings = read_indicators(indicators)
        codes = SeriesCodes(targets)
        dated = _dated_targets(targets.with_columns(codes.of()), places, warnings)
        # The distinct (indicator, unit) labels, found once for the doubts and the conversions.
        labels = [table.select("indicator", "unit").unique() for table in (dated, baselines)]
        doubtful = doubtful_labels(dated, baselines, warnings, (labels[0], labels[1]))
        suspect: pl.DataFrame | None = None
        if doubtful:
            pairs = pl.DataFrame(
                {
                    "indicator": [k[0] for k in doubtful],
                    "unit": [k[1] for k in doubtful],
                    "read_as": list(doubtful.values()),
                },
                schema={"indicator": pl.Utf8, "unit": pl.Utf8, "read_as": pl.Utf8},
            )

            def relabel(frame: pl.DataFrame) -> pl.DataFrame:
                joined = frame.join(pairs, on=["indicator", "unit"], how="left", maintain_order="left")
                return joined.with_columns(pl.coalesce("read_as", "unit").alias("unit")).drop("read_as")

            flagged = pl.concat([dated.select(*SERIES, "unit"), baselines.select(*SERIES, "unit")])
            suspect = flagged.join(pairs, on=["indicator", "unit"], how="semi").select(SERIES).unique()
            dated, baselines = relabel(dated), relabel(baselines)
            labels = [relabel(table).unique() for table in labels]
        units = _series_units(dated, settings)
        targeted = dated.get_column("indicator").unique(maintain_order=True).to_list()
        baseline_names = synonyms(
            baselines.get_column("indicator").unique().to_list(), targeted, notes, "基期"
        )
        if baseline_names:
            baselines = baselines.with_columns(pl.col("indicator").replace(baseline_names))
            labels[1] = labels[1].with_columns(pl.col("indicator").replace(baseline_names)).unique()
        baselines = baselines.with_columns(codes.of())
        binary = dated.filter(pl.col("comparator") == "achieved").select(SERIES).unique()
    table = observations.result()
    observed_names = synonyms(table.distinct("indicator").to_list(), targeted, notes, "观测值")
    observed = read_observations(table, units, binary, observed_names, typed=typed_observations.result())
    warnings += observed.warnings
    if observed.suspect is not None:
        suspect = observed.suspect if suspect is None else pl.concat([suspect, observed.suspect]).unique()
    return SeriesInputs(
        targets=_engine_targets(dated, units, places, labels[0]),
        observations=observed.frame,
        baselines=_engine_baselines(baselines, units, places, labels[1]),
        indicators=_indicators_frame(dated, units, settings, places, notes),
        regions=read_regions(regions),
        adjustments=read_adjustments(adjustments),
        series_units=units,
        suspect_units=None if suspect is None else suspect.join(units, on=SERIES, how="semi"),
        latest_year=observed.latest,
        year_counts=observed.year_counts,
        warnings=warnings,
        notes=notes,
    )
