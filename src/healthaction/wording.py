"""One way of showing a number, a target, a status or a method to a reader: the pages, the exports
and the reports all call these, so that 74.225 is not 74.23 in the text beside it and no internal code
(``OFF_TRACK``, ``baseline_substituted;missed``, ``2021H2``, ``<=``) reaches an office.

Every label here is the Chinese word the seeds and the reports use; the web translates it
(the msgids are marked in ``web/config/words.py``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from healthaction.engine import statuses
from healthaction.engine.judgement import FLAGS
from healthaction.engine.series import INDICATOR_DEFAULTS
from healthaction.responsibility.rounds import ProgressRound

NONE = "—"
# The decimals an indicator is judged and explained to (the engine's default, evaluation.md §1): a
# computed number (序时目标) is shown to these, so a table's 74.23 is the sentence's 74.23, not 74.225.
DECIMALS = int(INDICATOR_DEFAULTS["decimals"])

# Comparators as the plans write them (evaluation.md §1), in words.
COMPARATOR_WORDS = {
    ">=": "不低于",
    "<=": "不高于",
    ">": "高于",
    "<": "低于",
    "=": "达到",
    "achieved": "实现",
    "increase": "较基期提高",
    "decrease": "较基期下降",
    "slow": "增长持续减缓",
    "maintain": "保持基期水平",
    "improve": "较基期改善",
}

# Why a series was judged as it was: the engine's flags (healthaction.engine.judgement.FLAGS).
FLAG_LABELS = {
    "assumed_polarity": "指标方向按常规推定",
    "baseline_substituted": "以最早监测值代替基期值",
    "deadline_passed": "目标年已过",
    "declined_since_baseline": "较基期下降",
    "early": "尚未到评价年份",
    "fell_below_target": "低于目标值",
    "insufficient_points": "监测年份不足",
    "missed": "到期未达标",
    "missing": "本年未报",
    "no_baseline": "无基期值",
    "regressing": "较上年退步",
    "stale": "数据已过时",
    "unit_suspect": "单位存疑",
}
assert set(FLAGS) <= set(FLAG_LABELS), "every engine flag has a label"

# How a series is judged (the engine's mode).
MODE_LABELS = {"progress": "序时进度", "maintain": "对照目标值", "word": "定性判断", "slow": "增速判断"}

# "1/10万" reads "50/10万" after a number.
_UNIT_AFTER_NUMBER = {"1/10万": "/10万", "1/10 万": "/10万", "1/万": "/万"}


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def rounded(value: object, decimals: int = DECIMALS) -> Decimal | None:
    """``value`` to ``decimals`` places, half up as the reports round; None for no number.

    >>> rounded(74.225), rounded("91.1875"), rounded(None)
    (Decimal('74.23'), Decimal('91.19'), None)
    """
    exact = _decimal(value)
    return None if exact is None else exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: object, decimals: int | None = None) -> str:
    """74.225 with 2 decimals → 74.23 (half up, as the reports round); without decimals the value as
    stored, trailing zeros dropped: 19.600000 → 19.6; None → —.

    >>> number("74.225", 2), number("19.600000"), number(None), number(-0.0)
    ('74.23', '19.6', '—', '0')
    """
    exact = _decimal(value) if decimals is None else rounded(value, decimals)
    if exact is None:
        return NONE
    if decimals is not None:
        text = format(exact, "f")
    else:
        exact = exact.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP).normalize()
        text = format(exact, "f")
    return "0" if text in ("-0", "0", "-0.0") or re.fullmatch(r"-?0(\.0+)?", text) else text


def unit_after_number(unit: str | None) -> str:
    return _UNIT_AFTER_NUMBER.get((unit or "").strip(), (unit or "").strip())


def quantity(value: object, unit: str | None = None, decimals: int | None = None) -> str:
    """A value with its unit: 23%, 18/10万, 7.5‰; — when there is no value.

    >>> quantity("23.000000", "%"), quantity(18, "1/10万"), quantity(None, "%"), quantity(74.225, "岁", 2)
    ('23%', '18/10万', '—', '74.23岁')
    """
    shown = number(value, decimals)
    if shown == NONE:
        return shown
    return shown + unit_after_number(unit)


def expected(value: object, unit: str | None = None) -> str:
    """A computed value (序时目标) to the indicator's decimals, as the engine's sentence writes it.

    >>> expected(74.225, "岁"), expected(42.2825, "%"), expected(98, "%"), expected(None)
    ('74.23岁', '42.28%', '98%', '—')
    """
    # Rounded to the decimals, then shown without trailing zeros (the sentence writes 98, not 98.00).
    return quantity(rounded(value), unit)


def carried_from(value_year: object, year: object) -> int | None:
    """The earlier year a value was reported for, when a year's column shows it before that year's
    value is in (the engine keeps a value for max_age years): 2023 in 2024's row; None otherwise."""
    try:
        reported, shown = int(str(value_year)), int(str(year))
    except ValueError:
        return None
    return reported if reported < shown else None


def reported(value: object, unit: str | None, *, value_year: object, year: object) -> str:
    """A year's 实际值 with its unit; a value carried from an earlier year says whose it is.

    >>> reported(83.64, "%", value_year=2023, year=2024), reported(86.41, "%", value_year=2022, year=2022)
    ('83.64%（2023年数据）', '86.41%')
    """
    shown = quantity(value, unit)
    earlier = carried_from(value_year, year)
    if shown == NONE or earlier is None:
        return shown
    return f"{shown}（{earlier}年数据）"


def comparator_word(code: str | None) -> str:
    """>= → 不低于, < → 低于, maintain → 保持基期水平; an unknown code is shown as written, never blank."""
    if not code:
        return ""
    return COMPARATOR_WORDS.get(code.strip(), code)


def target(
    comparator: str | None, value: object, unit: str | None = None, decimals: int | None = None
) -> str:
    """不低于22%, 低于24.5%, 实现, 增长持续减缓.

    >>> target(">=", 22, "%"), target("<", "24.5", "%"), target("achieved", None), target(None, None)
    ('不低于22%', '低于24.5%', '实现', '—')
    """
    if not comparator and _decimal(value) is None:
        return NONE
    words = comparator_word(comparator)
    if comparator in (">=", "<=", ">", "<", "=") or (not comparator and value is not None):
        return words + quantity(value, unit, decimals)
    return words


def percent(fraction: object, decimals: int = 1) -> str:
    """A share of completion as a percentage, never negative: 0.484979 → 48.5%, -0.575 → 0%.

    >>> percent(0.484979), percent("-0.575"), percent(1), percent(None)
    ('48.5%', '0%', '100%', '—')
    """
    exact = _decimal(fraction)
    if exact is None:
        return NONE
    exact = max(exact, Decimal(0)) * 100
    return number(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP).normalize()) + "%"


def change(value: object, last: object) -> str:
    """The change from last year as a signed percentage: 19 → 30 is +57.9%; — without both."""
    now, before = _decimal(value), _decimal(last)
    if now is None or before is None or before == 0:
        return NONE
    rate = ((now - before) / abs(before) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    sign = "+" if rate > 0 else ""
    return f"{sign}{number(rate)}%"


def status_label(code: str | None, *, missed: bool = False) -> str:
    """ACHIEVED → 已达标, OFF_TRACK → 严重滞后 (未达标 once the target year has come), from the one
    registry (healthaction.engine.statuses); no code → 无数据."""
    return statuses.label(code or "NO_DATA", missed=missed)


def flag_labels(flags: str | list[str] | tuple[str, ...] | None) -> str:
    """``baseline_substituted;missed`` → 以最早监测值代替基期值；到期未达标.

    >>> flag_labels("baseline_substituted;missed"), flag_labels(""), flag_labels(["stale"])
    ('以最早监测值代替基期值；到期未达标', '', '数据已过时')
    """
    if not flags:
        return ""
    codes = flags.split(";") if isinstance(flags, str) else list(flags)
    return "；".join(FLAG_LABELS.get(c.strip(), c.strip()) for c in codes if c.strip())


def mode_label(mode: str | None) -> str:
    return MODE_LABELS.get(mode or "", MODE_LABELS["word"])


def round_label(code: object) -> str:
    """2021H1 → 2021年上半年, 2021H2 → 2021年全年 (the second half's report covers the year); 2021 → 2021年.

    >>> round_label("2021H2"), round_label("2021H1"), round_label(2021), round_label("其他")
    ('2021年全年', '2021年上半年', '2021年', '其他')
    """
    text = str(code or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}年"
    try:
        return ProgressRound.parse(text).name
    except ValueError:
        return text
