"""Plausibility of a reported value (pure rules; the form shows them, the service enforces them)."""

from __future__ import annotations

from decimal import Decimal

# A change of more than half of last year's value is unusual for these indicators: ask why.
PLAUSIBLE_CHANGE = Decimal("0.5")


def plausibility_warnings(*, value: Decimal, last: Decimal | None, unit: str) -> list[str]:
    """Warnings that need a comment before the value is accepted.

    >>> plausibility_warnings(value=Decimal("30"), last=Decimal("19"), unit="%")
    ['比上年（19%）变化57.9%，超过50%，请说明原因']
    >>> plausibility_warnings(value=Decimal("20"), last=Decimal("19"), unit="%")
    []
    """
    warnings: list[str] = []
    if unit == "%" and not Decimal(0) <= value <= Decimal(100):
        warnings.append("百分比应在0到100之间，请核实")
    if last is not None and last != 0:
        change = abs(value - last) / abs(last)
        if change > PLAUSIBLE_CHANGE:
            shown = format(last.normalize(), "f")
            limit = f"{PLAUSIBLE_CHANGE * 100:.0f}%"
            warnings.append(f"比上年（{shown}{unit}）变化{change * 100:.1f}%，超过{limit}，请说明原因")
    return warnings
