"""A measure's verdict, a reported status and a 整改 state as the page shows them: the word from the
core's table (healthaction.responsibility.statuses), translated, and the class that colours it.

``{{ verdict.status|verdict_label }}`` → 滞后 (English: behind); ``|verdict_class`` → warn.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

from healthaction.responsibility import rectification_css, rectification_label, verdict_css, verdict_label

register = template.Library()


@register.filter(name="verdict_label")
def verdict_label_filter(code: str | None) -> str:
    """in_progress → 推进中; nothing judged (None) → nothing."""
    return gettext(verdict_label(code)) if code else ""


@register.filter
def verdict_class(code: str | None) -> str:
    return verdict_css(code) if code else ""


@register.filter(name="rectification_label")
def rectification_label_filter(code: str | None) -> str:
    """overdue → 逾期未整改."""
    return gettext(rectification_label(code)) if code else ""


@register.filter
def rectification_class(code: str | None) -> str:
    return rectification_css(code) if code else ""
