"""Is a unit label believable for this indicator? (``unit_suspect``)

Local tables sometimes head 婴儿死亡率 with（%）while writing ‰ values (4.4, ≤7.5). The
label contradicts the catalog (‰); read as ‰ the numbers sit beside the national
figures (6.8, ≤7.5, ≤5), read as % they would be ten times too large. Such a label is
flagged, and the values are left as written: never silently multiplied.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from healthaction.catalog.entries import CatalogEntry
from healthaction.catalog.matching import match_indicator
from healthaction.catalog.units import convertible, normalise_unit, scale_exponent


@dataclass(frozen=True)
class UnitCheck:
    """The verdict on one (indicator, unit label) pair."""

    name: str
    unit: str | None
    catalog_unit: str | None
    suspect: bool
    reason: str

    @property
    def flag(self) -> str | None:
        return "unit_suspect" if self.suspect else None


def _references(entry: CatalogEntry) -> list[float]:
    """The national figures in the entry's baseline and target cells, in the catalog unit."""
    texts = (entry.baseline_text, entry.target_2022_text, entry.target_2030_text)
    numbers = (float(n) for text in texts if text for n in re.findall(r"\d+(?:\.\d+)?", text))
    return [n for n in numbers if n > 0]


def _distance(values: Sequence[float], references: Sequence[float]) -> float:
    """Median over values of the order-of-magnitude gap to the nearest national figure."""
    gaps = sorted(min(abs(math.log10(v / r)) for r in references) for v in values if v > 0)
    return gaps[len(gaps) // 2] if gaps else math.inf


def _numbers(values: Sequence[float]) -> str:
    return "、".join(f"{v:g}" for v in list(dict.fromkeys(values))[:3])


def unit_check(name: str, unit: str | None, values: Sequence[float] = ()) -> UnitCheck:
    """Whether ``unit`` (the label) fits the catalog entry of ``name``, judged with ``values``.

    >>> unit_check("婴儿死亡率", "%", [4.4, 7.5]).suspect
    True
    """
    label = normalise_unit(unit)
    match = match_indicator(name)
    entry = match.entry
    catalog_unit = entry.unit if entry is not None else None
    if entry is None or label is None or catalog_unit is None or label == catalog_unit:
        return UnitCheck(name, label, catalog_unit, False, "单位与目录一致或无从比较")
    if not convertible(label, catalog_unit):
        reason = f"标注单位「{label}」与目录单位「{catalog_unit}」不同，且无法换算"
        return UnitCheck(name, label, catalog_unit, True, reason)
    references = _references(entry)
    if not values or not references:
        reason = f"标注单位「{label}」与目录单位「{catalog_unit}」不一致，无数值可供判断"
        return UnitCheck(name, label, catalog_unit, True, reason)
    factor = 10.0 ** scale_exponent(label, catalog_unit)
    as_labelled = _distance([v * factor for v in values], references)
    as_catalog = _distance(values, references)
    national = _numbers(references)
    if as_catalog < as_labelled:
        reason = (
            f"标注单位「{label}」与目录单位「{catalog_unit}」不一致；数值{_numbers(values)}"
            f"按{catalog_unit}读更接近全国数值（{national}{catalog_unit}），疑为单位标错，数值未换算"
        )
        return UnitCheck(name, label, catalog_unit, True, reason)
    reason = (
        f"标注单位「{label}」可换算为目录单位「{catalog_unit}」，"
        f"数值与全国数值（{national}{catalog_unit}）相符"
    )
    return UnitCheck(name, label, catalog_unit, False, reason)


def unit_to_show(name: str, unit: str | None, values: Sequence[float] = ()) -> str | None:
    """The unit an indicator labelled ``unit`` is shown in: the label, except when it is empty (the
    catalog's unit then) or contradicts the catalog while its numbers read as the catalog's unit
    (婴儿死亡率（%） beside ≤7.5 and 4.4: ‰). The numbers stay as written; only the label changes, so
    that a page never shows a value in % beside its target in ‰.

    >>> unit_to_show("婴儿死亡率", "%", [7.5, 4.4]), unit_to_show("婴儿死亡率", "", [])
    ('‰', '‰')
    >>> unit_to_show("人均预期寿命", "岁", [78.5]), unit_to_show("自定义指标", None, [])
    ('岁', None)
    """
    label = normalise_unit(unit)
    entry = match_indicator(name).entry
    if entry is None or entry.unit is None:
        return label
    if label is None:
        return entry.unit
    if label == entry.unit or not convertible(label, entry.unit) or not values or not _references(entry):
        return label
    return entry.unit if unit_check(name, label, values).suspect else label
