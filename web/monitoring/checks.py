"""Plausibility of a reported value (pure rules; the form shows them, the service enforces them).

The warnings speak the reader's language when Django runs; without settings (a doctest, a script)
they are the Chinese msgids.
"""

from __future__ import annotations

from decimal import Decimal

from django import conf
from django.utils.translation import gettext

# A change of more than half of last year's value is unusual for these indicators: ask why.
PLAUSIBLE_CHANGE = Decimal("0.5")


def _(message: str) -> str:
    """``gettext`` when Django is configured, else the message as written."""
    return gettext(message) if conf.settings.configured else message


def plausibility_warnings(*, value: Decimal, last: Decimal | None, unit: str) -> list[str]:
    """Warnings that need a comment before the value is accepted.

    >>> plausibility_warnings(value=Decimal("30"), last=Decimal("19"), unit="%")
    ['比上年（19%）变化57.9%，超过50%，请说明原因']
    >>> plausibility_warnings(value=Decimal("20"), last=Decimal("19"), unit="%")
    []
    """
    warnings: list[str] = []
    if unit == "%" and not Decimal(0) <= value <= Decimal(100):
        warnings.append(_("百分比应在0到100之间，请核实"))
    if last is not None and last != 0:
        change = abs(value - last) / abs(last)
        if change > PLAUSIBLE_CHANGE:
            warnings.append(
                _("比上年（%(last)s）变化%(change)s，超过%(limit)s，请说明原因")
                % {
                    "last": f"{format(last.normalize(), 'f')}{unit}",
                    "change": f"{change * 100:.1f}%",
                    "limit": f"{PLAUSIBLE_CHANGE * 100:.0f}%",
                }
            )
    return warnings
