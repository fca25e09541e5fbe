"""A reporting round's name in the reader's language: ``{{ round|round_name }}``.

``ProgressRound.name`` (2021年上半年, 2021年全年) is what the documents print; pages show it translated.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

from healthaction.responsibility import ProgressRound

register = template.Library()


@register.filter
def round_name(round_: ProgressRound | None) -> str:
    """2021H1 → 2021年上半年 (English: 2021 first half); 2021H2 → 2021年全年 (2021 full year)."""
    if round_ is None:
        return ""
    if round_.half == 1:
        return gettext("%(year)d年上半年") % {"year": round_.year}
    return gettext("%(year)d年全年") % {"year": round_.year}
