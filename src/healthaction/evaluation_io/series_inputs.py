"""Validated input tables for the engine: series units, observations converted, polarity filled.

The engine takes every value of a series in one unit, the *series unit*: the unit of
the series' earliest milestone that states one (else the indicators file's). Other
milestones, baselines and observations that state a unit are converted into it within
% ↔ ‰ ↔ 1/10万; one that cannot be converted is bad input. Values without a unit are
taken to be in it. Polarity comes from the indicators file, then from the national
catalog by name; the engine falls back on the comparators.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

import polars as pl

from healthaction.catalog import UnitError, convert, normalise_unit
from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.errors import InputError
from healthaction.evaluation_io.indicator_defaults import catalog_polarity, doubtful_labels
from healthaction.evaluation_io.observations import read_observations
from healthaction.evaluation_io.records import BaselineRecord, TargetRecord

Series = tuple[str, str]


@dataclass(frozen=True)
class IndicatorSettings:
    where: str
    unit: str | None
    polarity: int | None
    decimals: int | None
    max_age: int | None
    weight: float | None


@dataclass
class SeriesInputs:
    """The engine's input tables, plus what the user should be told about them."""

    targets: pl.DataFrame
    observations: pl.DataFrame
    baselines: pl.DataFrame
    indicators: pl.DataFrame
    regions: pl.DataFrame | None = None
    adjustments: pl.DataFrame | None = None
    units: dict[Series, str | None] = field(default_factory=dict)
    suspect_units: set[Series] = field(default_factory=set)
    latest_year: int | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_indicators(table: CsvTable | None) -> dict[str, IndicatorSettings]:
    settings: dict[str, IndicatorSettings] = {}
    for row in table or ():
        name = row["indicator"]
        if not name:
            raise row.error("indicator", "不能为空")
        if name in settings:
            raise row.error("indicator", f"指标「{name}」重复（{settings[name].where}已有）")
        weight = cells.number(row, "weight", required=False)
        if weight is not None and weight < 0:
            raise row.error("weight", f"权重不能为负数，实际为「{row['weight']}」")
        settings[name] = IndicatorSettings(
            where=row.where,
            unit=normalise_unit(row["unit"]),
            polarity=cells.polarity(row),
            decimals=cells.integer(row, "decimals", required=False),
            max_age=cells.integer(row, "max_age", required=False),
            weight=float(weight) if weight is not None else None,
        )
    return settings


def _in_unit(value: Decimal, unit: str | None, series_unit: str | None, where: str, what: str) -> float:
    if unit is None or series_unit is None or unit == series_unit:
        return float(value)
    try:
        return convert(value, unit, series_unit)
    except UnitError:
        raise InputError(where, f"单位「{unit}」无法换算为{what}的单位「{series_unit}」", "unit") from None


def _dated_targets(records: Sequence[TargetRecord], warnings: list[str]) -> list[TargetRecord]:
    """Targets with a year, each (region, indicator, year) once."""
    seen: dict[tuple[str, str, int], TargetRecord] = {}
    for record in records:
        if record.year is None:
            warnings.append(
                f"{record.where}：{record.region}「{record.indicator}」的目标没有年份，未参与评估"
            )
            continue
        key = (record.region, record.indicator, record.year)
        if key in seen:
            raise InputError(record.where, f"与{seen[key].where}重复（同一地区、指标和年份的目标）")
        seen[key] = record
    return list(seen.values())


def _series_units(
    targets: Sequence[TargetRecord], settings: dict[str, IndicatorSettings]
) -> dict[Series, str | None]:
    units: dict[Series, str | None] = {}
    for record in sorted(targets, key=lambda r: r.year or 0):
        if units.get(record.series) is None:
            units[record.series] = record.unit
    for series, unit in units.items():
        if unit is None and series[1] in settings:
            units[series] = settings[series[1]].unit
    return units


def _targets_frame(targets: Sequence[TargetRecord], units: dict[Series, str | None]) -> pl.DataFrame:
    values: list[float | None] = []
    for record in targets:
        if record.value is None:
            values.append(None)
        elif record.comparator == "slow":  # a growth rate in % per year, not in the indicator's unit
            values.append(float(record.value))
        else:
            what = "同一指标其他目标"
            values.append(_in_unit(record.value, record.unit, units[record.series], record.where, what))
    return pl.DataFrame(
        {
            "region": [r.region for r in targets],
            "indicator": [r.indicator for r in targets],
            "year": [r.year for r in targets],
            "comparator": [r.comparator for r in targets],
            "value": values,
        },
        schema={
            "region": pl.Utf8,
            "indicator": pl.Utf8,
            "year": pl.Int64,
            "comparator": pl.Utf8,
            "value": pl.Float64,
        },
    )


def _baselines_frame(records: Sequence[BaselineRecord], units: dict[Series, str | None]) -> pl.DataFrame:
    seen: dict[Series, BaselineRecord] = {}
    values: list[float] = []
    for record in records:
        if record.series not in units:
            continue  # no target: not applicable
        if record.series in seen:
            raise InputError(record.where, f"与{seen[record.series].where}重复（同一地区和指标的基期）")
        seen[record.series] = record
        values.append(_in_unit(record.value, record.unit, units[record.series], record.where, "目标"))
    kept = list(seen.values())
    return pl.DataFrame(
        {
            "region": [r.region for r in kept],
            "indicator": [r.indicator for r in kept],
            "year": [r.year for r in kept],
            "value": values,
        },
        schema={"region": pl.Utf8, "indicator": pl.Utf8, "year": pl.Int64, "value": pl.Float64},
    )


def _indicators_frame(
    targets: Sequence[TargetRecord],
    units: dict[Series, str | None],
    settings: dict[str, IndicatorSettings],
    notes: list[str],
) -> pl.DataFrame:
    comparators: dict[str, set[str]] = defaultdict(set)
    for record in targets:
        comparators[record.indicator].add(record.comparator)
    units_of: dict[str, list[str | None]] = defaultdict(list)
    for (_region, name), unit in units.items():
        units_of[name].append(unit)
    rows = []
    for indicator in comparators:
        given = settings.get(indicator)
        series_units = units_of[indicator]
        polarity = given.polarity if given is not None else None
        if polarity is None:
            polarity = catalog_polarity(indicator, series_units, sorted(comparators[indicator]), notes)
        labelled = [u for u in series_units if u is not None]
        rows.append(
            {
                "indicator": indicator,
                "polarity": polarity,
                "decimals": given.decimals if given else None,
                "max_age": given.max_age if given else None,
                "weight": given.weight if given else None,
                "unit": max(set(labelled), key=labelled.count) if labelled else None,
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
    seen: dict[str, int] = {}
    regions: list[str] = []
    parents: list[str | None] = []
    for row in table:
        region = row["region"]
        if not region:
            raise row.error("region", "不能为空")
        if region in seen:
            raise row.error("region", f"地区「{region}」重复（第{seen[region]}行已有）")
        seen[region] = row.line
        regions.append(region)
        parents.append(row["parent"] or None)
    return pl.DataFrame({"region": regions, "parent": parents}, schema={"region": pl.Utf8, "parent": pl.Utf8})


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
    targets: Sequence[TargetRecord],
    baselines: Sequence[BaselineRecord],
    observations: CsvTable,
    *,
    indicators: CsvTable | None = None,
    regions: CsvTable | None = None,
    adjustments: CsvTable | None = None,
) -> SeriesInputs:
    """Every input checked and put into the engine's tables; warnings and notes for the user."""
    warnings: list[str] = []
    notes: list[str] = []
    settings = read_indicators(indicators)
    dated = _dated_targets(targets, warnings)
    doubtful = doubtful_labels(dated, baselines, warnings)
    labelled: list[TargetRecord | BaselineRecord] = [*dated, *baselines]
    suspect = {r.series for r in labelled if (r.indicator, r.unit or "") in doubtful}
    if doubtful:
        dated = [replace(t, unit=doubtful.get((t.indicator, t.unit or ""), t.unit)) for t in dated]
        baselines = [replace(b, unit=doubtful.get((b.indicator, b.unit or ""), b.unit)) for b in baselines]
    units = _series_units(dated, settings)
    targets_frame = _targets_frame(dated, units)
    baselines_frame = _baselines_frame(baselines, units)
    binary = {r.series for r in dated if r.comparator == "achieved"}
    observations_frame, latest = read_observations(observations, units, binary)
    return SeriesInputs(
        targets=targets_frame,
        observations=observations_frame,
        baselines=baselines_frame,
        indicators=_indicators_frame(dated, units, settings, notes),
        regions=read_regions(regions),
        adjustments=read_adjustments(adjustments),
        units=units,
        suspect_units={series for series in suspect if series in units},
        latest_year=latest,
        warnings=warnings,
        notes=notes,
    )
