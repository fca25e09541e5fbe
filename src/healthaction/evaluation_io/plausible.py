"""Is a value converted between % ↔ ‰ ↔ 1/10万 still believable?

婴儿死亡率 written 4.9 % in a ‰ series becomes 49 ‰: a legal conversion, and almost
certainly a mislabelled 4.9 ‰. Two tests, the first that speaks wins: the catalog's national
figures for the indicator (``unit_check``: read as labelled the numbers are ten times further
from them than read in the series unit), then the one number rule's plausible range of the
series unit (``healthaction.numbers.plausibility``: % within 0–100 …).
"""

from __future__ import annotations

from collections.abc import Sequence

from healthaction.catalog import convertible, unit_check
from healthaction.catalog.units import scale_exponent
from healthaction.numbers import plausibility


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
    for value in values:
        reason = plausibility(value * factor, series_unit, name=indicator)
        if reason is not None:
            return f"{value:g}{unit}换算为{value * factor:g}{series_unit}后不合理（{reason}），请核对"
    return None
