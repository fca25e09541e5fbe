"""Is a value converted between % ↔ ‰ ↔ 1/10万 still believable?

婴儿死亡率 written 4.9 % in a ‰ series becomes 49 ‰: a legal conversion, and almost
certainly a mislabelled 4.9 ‰. Two tests, the first that speaks wins: the catalog's national
figures for the indicator (``unit_check``: read as labelled the numbers are ten times further
from them than read in the series unit), then the plain range of the series unit.

Kept in one small function on purpose: the ``numbers`` module (one parse/validate rule with
per-unit plausible ranges) replaces ``UNIT_RANGES`` once it lands.
"""

from __future__ import annotations

from collections.abc import Sequence

from healthaction.catalog import convertible, unit_check
from healthaction.catalog.units import scale_exponent

# Bounds no value in these units can pass: a share cannot exceed the whole.
UNIT_RANGES: dict[str, tuple[float, float]] = {
    "%": (0.0, 100.0),
    "‰": (0.0, 1000.0),
    "1/10万": (0.0, 100000.0),
}


def implausible_conversion(
    indicator: str, unit: str, series_unit: str, values: Sequence[float]
) -> str | None:
    """Why values written in ``unit`` look wrong once taken into ``series_unit``, or None."""
    if not values or not convertible(unit, series_unit):
        return None
    factor = 10.0 ** scale_exponent(unit, series_unit)
    check = unit_check(indicator, unit, values)
    if check.suspect and check.catalog_unit == series_unit:
        first = values[0]
        return (
            f"{first:g}{unit}换算为{first * factor:g}{series_unit}，"
            f"按{series_unit}读的{first:g}更接近全国数值，疑为单位标错；已按所标单位换算，请核对"
        )
    bounds = UNIT_RANGES.get(series_unit)
    if bounds is not None:
        outside = [v for v in values if not bounds[0] <= v * factor <= bounds[1]]
        if outside:
            shown = "、".join(f"{v:g}{unit}" for v in outside[:3])
            return f"{shown}换算为{series_unit}后超出合理范围（{bounds[0]:g}～{bounds[1]:g}{series_unit}）"
    return None
