"""The page filters: every number, target, status, method and round a page shows goes through
``healthaction.wording`` (the one formatter the exports and reports also use), translated here."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import gettext

from healthaction import wording
from healthaction.engine import statuses

register = template.Library()

STATUS_CLASS = {s.code: s.css for s in statuses.STATUSES}


@register.filter
def num(value: Decimal | float | None) -> str:
    """19.600000 → 19.6; None → —."""
    return wording.number(value)


@register.filter
def qty(value: Decimal | float | None, unit: str | None = None) -> str:
    """``{{ o.value|qty:o.unit }}``: 23%, 18/10万, —."""
    return wording.quantity(value, unit)


@register.filter
def expected(value: Decimal | float | None, unit: str | None = None) -> str:
    """``{{ s.expected|expected:unit }}``: a computed 序时目标 to the indicator's decimals, as the
    sentence beside it writes it (74.225 → 74.23)."""
    return wording.expected(value, unit)


@register.filter
def reported(status: object, unit: str | None = None) -> str:
    """``{{ s|reported:unit }}``: a status row's 实际值 with its unit; a value carried from an earlier
    year says so — 83.64%（2023年数据） in 2024's row, never 2023's number passed off as 2024's."""
    value, year = getattr(status, "value", None), getattr(status, "year", None)
    value_year = getattr(status, "value_year", None)
    shown = wording.quantity(value, unit)
    earlier = wording.carried_from(value_year, year)
    if shown == wording.NONE or earlier is None:
        return shown
    return shown + gettext("（%(year)d年数据）") % {"year": earlier}


@register.filter
def pct(fraction: Decimal | float | None) -> str:
    """``{{ entry.score_fraction|pct }}``: 0.484979 → 48.5%; a negative share shows 0%."""
    return wording.percent(fraction)


@register.filter
def comparator(code: str | None) -> str:
    """>= → 不低于, <= → 不高于 (translated)."""
    words = wording.comparator_word(code)
    return gettext(words) if words else ""


@register.filter
def target_stage(target: object, unit: str | None = None) -> str:
    """``{{ t|target_stage:t.indicator.unit }}``: one stored stage of a plan's target as it reads for its
    year — the 2030 row of 「分别低于7%和5%」 is 低于5%, the 2022 row 低于7%; a word target (增速下降) keeps
    the plan's words."""
    code = getattr(target, "comparator", None)
    value = getattr(target, "value", None)
    symbolic = code in (">=", "<=", ">", "<", "=")
    if (symbolic and value is None) or (not code and value is None):
        return str(getattr(target, "text", "") or wording.NONE)
    words = wording.comparator_word(code)
    shown = wording.target(code, value, unit or getattr(target, "unit", None))
    return (gettext(words) if words else "") + shown[len(words) :]


@register.filter
def status_label(code: str | None) -> str:
    """OFF_TRACK → 严重滞后 (translated)."""
    return gettext(wording.status_label(code))


@register.filter
def flag_labels(flags: str | None) -> str:
    """baseline_substituted;missed → 以最早监测值代替基期值；到期未达标 (each translated)."""
    if not flags:
        return ""
    codes = flags.split(";") if isinstance(flags, str) else list(flags)
    return gettext("；").join(gettext(wording.flag_labels([c])) for c in codes if c.strip())


@register.filter
def mode_label(mode: str | None) -> str:
    return gettext(wording.mode_label(mode))


@register.filter
def round_label(code: object) -> str:
    """2021H2 → 2021年全年 (translated like the round_name filter)."""
    text = str(code or "")
    label = wording.round_label(text)
    if label == text:
        return text
    year = int(text[:4])
    if text.endswith("H1"):
        return gettext("%(year)d年上半年") % {"year": year}
    if text.endswith("H2"):
        return gettext("%(year)d年全年") % {"year": year}
    return gettext("%(year)d年") % {"year": year}


@register.filter
def status_class(code: str) -> str:
    return STATUS_CLASS.get(code, "none")


@register.filter
def lookup(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key, "")


@register.filter
def diff_value(value: object, field: str) -> str:
    """A published version's changed value as the reader knows it: 严重滞后, 48.5%, 86.5, 是/否."""
    if value is None or value == "":
        return wording.NONE
    if field == "状态":
        return status_label(str(value))
    if field == "得分率":
        return wording.percent(value)
    if isinstance(value, bool):
        return gettext("是") if value else gettext("否")
    if isinstance(value, int | float | Decimal):
        return wording.number(value)
    return gettext(str(value))


@register.filter
def person(user: object) -> str:
    """A user as people call them: 张三 (full name), else the login name, else 系统 (no user recorded)."""
    if user is None:
        return gettext("系统")
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or getattr(user, "username", "") or gettext("系统"))


@register.filter
def change(value: object, last: object) -> str:
    """``{{ o.value|change:row.last_value }}``: +57.9% on last year; — without last year's value."""
    return wording.change(value, last)


@register.filter
def evidence_name(stored: str) -> str:
    """tasks/evidence/2026/进展佐证.pdf → 进展佐证.pdf: the file as the user named it, not its place."""
    return str(stored).rsplit("/", 1)[-1]


@register.inclusion_tag("_year_choice.html", takes_context=True)
def year_choice(
    context: template.Context, years: list[int], year: int | None, every: str = ""
) -> dict[str, object]:
    """The year selector every page that shows a year carries: the years that have data (and the one
    asked for, if it has none), sending the page's other query parameters along unchanged. ``every``
    names a first choice of no year in particular (审核: 全部年份)."""
    request = context.get("request")
    keep = (
        [
            (name, value)
            for name, values in request.GET.lists()
            if name not in ("year", "page")
            for value in values
        ]
        if request is not None
        else []
    )
    shown = sorted(set(years) | ({year} if year else set()), reverse=True)
    empty = year is not None and year not in years
    return {"years": shown, "year": year, "empty": empty, "keep": keep, "every": every}
