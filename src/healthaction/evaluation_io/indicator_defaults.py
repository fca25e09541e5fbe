"""Per indicator: the polarity the engine should use, and unit labels to doubt.

Polarity, evaluation.md §1: the indicators file, else the national catalog matched by
name (人均预期寿命 `=` 74.5 is then read as `>=`), else the engine's comparator rule. A
catalog match whose unit cannot be converted to the series unit is not trusted for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from healthaction.catalog import convertible, match_indicator, unit_check
from healthaction.evaluation_io.records import BaselineRecord, TargetRecord

# Comparators whose reading depends on polarity (evaluation.md §2 step 3 and the word rules).
_POLARITY_MATTERS = frozenset({"=", "improve", "maintain"})
_DIRECTION_WORDS = {1: "越高越好", -1: "越低越好"}


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


def doubtful_labels(
    targets: Sequence[TargetRecord], baselines: Sequence[BaselineRecord], warnings: list[str]
) -> dict[tuple[str, str], str]:
    """(indicator, unit label) pairs flagged ``unit_suspect``, each with the unit to read its values in.

    A label that contradicts the catalog while its numbers fit the catalog's unit
    (婴儿死亡率 labelled % with 4.4 and ≤7.5) is read in the catalog's unit: its numbers
    are kept as written, not multiplied. A label that cannot be converted at all is kept.
    """
    values: dict[tuple[str, str], list[float]] = defaultdict(list)
    records: list[TargetRecord | BaselineRecord] = [*targets, *baselines]
    for record in records:
        if record.unit is None:
            continue
        bucket = values[(record.indicator, record.unit)]
        slow = isinstance(record, TargetRecord) and record.comparator == "slow"
        if record.value is not None and not slow:
            bucket.append(float(record.value))
    doubtful: dict[tuple[str, str], str] = {}
    for indicator, unit in sorted(values):
        check = unit_check(indicator, unit, values[(indicator, unit)])
        if check.suspect:
            warnings.append(f"指标「{indicator}」单位可疑（unit_suspect）：{check.reason}")
            readable = check.catalog_unit is not None and convertible(unit, check.catalog_unit)
            doubtful[(indicator, unit)] = check.catalog_unit if readable and check.catalog_unit else unit
    return doubtful
