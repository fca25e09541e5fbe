"""Per indicator: the settings file, the polarity and max_age the engine should use, unit labels to doubt.

Polarity, evaluation.md §1: the indicators file, else the national catalog matched by
name (人均预期寿命 `=` 74.5 is then read as `>=`), else the engine's comparator rule. A
catalog match whose unit cannot be converted to the series unit is not trusted for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from healthaction.catalog import convertible, match_indicator, normalise_unit, unit_check
from healthaction.evaluation_io import cells
from healthaction.evaluation_io.csv_table import CsvTable
from healthaction.evaluation_io.errors import InputError
from healthaction.evaluation_io.records import Places

# Comparators whose reading depends on polarity (evaluation.md §2 step 3 and the word rules).
_POLARITY_MATTERS = frozenset({"=", "improve", "maintain"})
_DIRECTION_WORDS = {1: "越高越好", -1: "越低越好"}
# The direction a comparator states by itself (`slow` is left out: it judges growth, not level).
_COMPARATOR_DIRECTION = {">=": 1, ">": 1, "increase": 1, "<=": -1, "<": -1, "decrease": -1}


def catalog_polarity(
    indicator: str, series_units: Sequence[str | None], comparators: Sequence[str], notes: list[str]
) -> int | None:
    """+1/−1 from the catalog entry that ``indicator`` matches, or None; explained in ``notes``."""
    match = match_indicator(indicator)
    matters = any(c in _POLARITY_MATTERS for c in comparators)
    entry = match.entry
    if entry is None or entry.direction == 0:
        if matters:
            why = match.reason if entry is None else f"目录「{entry.name}」无方向"
            notes.append(f"指标「{indicator}」的方向按比较符判断（{why}）")
        return None
    if any(
        unit is not None and entry.unit is not None and not convertible(unit, entry.unit)
        for unit in series_units
    ):
        if matters:
            notes.append(
                f"指标「{indicator}」与目录「{entry.name}」单位不同（{entry.unit}），方向按比较符判断"
            )
        return None
    if match.score < 1 and matters:
        notes.append(
            f"指标「{indicator}」按{match.reason}对应全国指标「{entry.name}」，"
            f"方向：{_DIRECTION_WORDS[entry.direction]}"
        )
    return entry.direction


@dataclass(frozen=True)
class IndicatorSettings:
    where: str
    unit: str | None
    polarity: int | None
    polarity_text: str
    decimals: int | None
    max_age: int | None
    weight: float | None


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
            polarity_text=row["polarity"],
            decimals=cells.integer(row, "decimals", required=False),
            max_age=cells.integer(row, "max_age", required=False),
            weight=float(weight) if weight is not None else None,
        )
    return settings


def contradicting_polarity(
    given: IndicatorSettings,
    indicator: str,
    comparators: Sequence[str],
    targets: pl.DataFrame,
    places: Places,
) -> None:
    """A direction that its own targets deny (越高越好 with a target ≤ 7.5) is refused, naming both."""
    if given.polarity is None or given.polarity == 0:
        return
    against = sorted(c for c in comparators if _COMPARATOR_DIRECTION.get(c, given.polarity) != given.polarity)
    if not against:
        return
    first = targets.filter((pl.col("indicator") == indicator) & pl.col("comparator").is_in(against)).head(1)
    row = first.row(0, named=True)
    words = _DIRECTION_WORDS[given.polarity]
    message = (
        f"方向「{given.polarity_text}」（{words}）与指标「{indicator}」的目标比较符「{row['comparator']}」"
        f"矛盾（{places.of(row)}），请改正其一"
    )
    raise InputError(given.where, message, "polarity")


def catalog_defaults(
    indicator: str,
    given: IndicatorSettings | None,
    series_units: Sequence[str | None],
    comparators: Sequence[str],
    notes: list[str],
) -> tuple[int | None, int | None]:
    """Polarity and max_age of an indicator: the indicators file's, else the catalog's (with a note)."""
    polarity = given.polarity if given is not None else None
    if polarity is None:
        polarity = catalog_polarity(indicator, series_units, comparators, notes)
    max_age = given.max_age if given is not None else None
    if max_age is None:
        entry = match_indicator(indicator).entry
        if entry is not None and entry.survey_interval is not None:
            max_age = entry.survey_interval
            notes.append(
                f"指标「{indicator}」每{max_age}年调查一次（目录「{entry.name}」），"
                f"{max_age}年内的数据视为有效（max_age={max_age}）"
            )
    return polarity, max_age


def doubtful_labels(
    targets: pl.DataFrame,
    baselines: pl.DataFrame,
    warnings: list[str],
    labels: tuple[pl.DataFrame, pl.DataFrame],
) -> dict[tuple[str, str], str]:
    """(indicator, unit label) pairs flagged ``unit_suspect``, each with the unit to read its values in.

    A label that contradicts the catalog while its numbers fit the catalog's unit
    (婴儿死亡率 labelled % with 4.4 and ≤7.5) is read in the catalog's unit: its numbers
    are kept as written, not multiplied. A label that cannot be converted at all is kept.
    ``labels``: the distinct (indicator, unit) of targets and of baselines.
    """
    tables = [
        targets.lazy().select(
            "indicator", "unit", pl.when(pl.col("comparator") != "slow").then("value").alias("value")
        ),
        baselines.lazy().select("indicator", "unit", "value"),
    ]
    # The distinct labels first: the values are only gathered for a label to doubt.
    pairs = pl.concat(labels).drop_nulls("unit")
    doubtful: dict[tuple[str, str], str] = {}
    for indicator, unit in sorted(pairs.unique().iter_rows()):
        entry = match_indicator(indicator).entry
        if entry is None or entry.unit is None or entry.unit == unit:
            continue  # nothing to compare with: the common case, decided without the values
        here = (pl.col("indicator") == indicator) & (pl.col("unit") == unit)
        values = pl.concat([table.filter(here) for table in tables]).collect()
        check = unit_check(indicator, unit, values.get_column("value").drop_nulls().to_list())
        if check.suspect:
            warnings.append(f"指标「{indicator}」单位可疑（unit_suspect）：{check.reason}")
            readable = check.catalog_unit is not None and convertible(unit, check.catalog_unit)
            doubtful[(indicator, unit)] = check.catalog_unit if readable and check.catalog_unit else unit
    return doubtful


def synonyms(names: Sequence[str], targeted: Sequence[str], notes: list[str], what: str) -> dict[str, str]:
    """Names of ``what`` (观测值, 基期) that stand for a targeted indicator under another wording.

    居民平均预期寿命 in the observations and 人均预期寿命 in the targets match the same national
    catalog entry, so they are one indicator. Only a single targeted name of that entry is taken.
    """
    by_entry: dict[str, list[str]] = {}
    for name in targeted:
        entry = match_indicator(name).entry
        if entry is not None:
            by_entry.setdefault(entry.name, []).append(name)
    known = set(targeted)
    mapping: dict[str, str] = {}
    for name in names:
        if name in known:
            continue
        entry = match_indicator(name).entry
        candidates = by_entry.get(entry.name, []) if entry is not None else []
        if len(candidates) == 1:
            mapping[name] = candidates[0]
            notes.append(f"{what}的指标「{name}」与目标的「{candidates[0]}」是同一全国指标，按后者读取")
    return mapping
