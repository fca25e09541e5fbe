from __future__ import annotations

from decimal import Decimal

from django import template

from healthaction.engine import statuses

register = template.Library()

STATUS_CLASS = {s.code: s.css for s in statuses.STATUSES}


@register.filter
def num(value: Decimal | float | None) -> str:
    """19.600000 → 19.6; None → —."""
    if value is None:
        return "—"
    text = format(Decimal(str(value)).quantize(Decimal("0.000001")).normalize(), "f")
    return text


@register.filter
def status_class(code: str) -> str:
    return STATUS_CLASS.get(code, "none")


@register.filter
def lookup(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key, "")
