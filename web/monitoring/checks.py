"""Unusual changes of a reported value, which need a comment (the form shows them, the service
enforces them). Impossible values are refused earlier by ``healthaction.numbers``.

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
    # A value no unit can hold (% above 100) is refused before this, by the one number rule.
    warnings: list[str] = []
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
