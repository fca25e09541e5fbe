"""Words for numbers: values with units, targets as written, counts per status, dates, heading numerals."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from healthaction.evaluation_io.output import plain_number
from healthaction.reports.model import IndicatorResult, Milestone
from healthaction.wording import COMPARATOR_WORDS, quantity

# The order statuses are counted in: the engine's labels (未达标 = 严重滞后 past the target year).
LABELS = ("已达标", "进度正常", "进度滞后", "严重滞后", "未达标", "无数据")
BEHIND = ("进度滞后", "严重滞后", "未达标")
_NUMERALS = "零一二三四五六七八九十"
_WORDS = COMPARATOR_WORDS


def numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (heading numbers up to 99)."""
    if n <= 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return (_NUMERALS[tens] if tens > 1 else "") + "十" + (_NUMERALS[ones] if ones else "")


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def region_word(region: str) -> str:
    """全区 for 平川区, 全市 for 白银市, 全县, 全旗; else 全 + the name."""
    return (
        f"全{region[-1]}"
        if region[-1:] in ("区", "市", "县", "旗", "州", "省", "镇", "乡")
        else f"全{region}"
    )


def number(value: float | None, unit: str | None = None) -> str:
    """23.0 % → 23%, 18 1/10万 → 18/10万; — for no value (healthaction.wording.quantity, as the pages)."""
    return quantity(value, unit)


def target_words(milestone: Milestone | None, unit: str | None) -> str:
    """不低于22%, 实现, 增长持续减缓 — the target as the plan writes it."""
    if milestone is None:
        return "—"
    words = _WORDS.get(milestone.comparator, milestone.comparator)
    if milestone.comparator in (">=", "<=", ">", "<", "="):
        return words + number(milestone.value, unit)
    return words


def value_words(result: IndicatorResult) -> str:
    """The value of a series in a table cell: 23%, 已实现 / 未实现 for an `achieved` target, — for none."""
    if result.value is None:
        return "—"
    if result.target is not None and result.target.comparator == "achieved":
        return "已实现" if result.value >= 1 else "未实现"
    return number(result.value, result.unit)


def status_counts(results: Iterable[IndicatorResult]) -> Counter[str]:
    return Counter(r.label for r in results)


def counts_sentence(counts: Counter[str]) -> str:
    """已达标14项，进度正常5项，进度滞后3项 (statuses with none are left out)."""
    return "，".join(f"{label}{counts[label]}项" for label in LABELS if counts[label])


def joined(items: Sequence[str], last: str = "和") -> str:
    """甲、乙和丙."""
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + last + items[-1]


def some(items: Sequence[str], limit: int = 5) -> str:
    """甲、乙、丙 — or the first ``limit`` of a long list: 甲、乙、丙、丁、戊等 (the caller says how many)."""
    return "、".join(items) if len(items) <= limit else "、".join(items[:limit]) + "等"


def change_words(result: IndicatorResult) -> str | None:
    """较上年提高1.5个百分点 / 较上年下降0.3 — None when last year's value is unknown."""
    if result.value is None or result.previous_value is None:
        return None
    if result.target is not None and result.target.comparator == "achieved":
        return None
    delta = result.value - result.previous_value
    if abs(delta) < 1e-9:
        return "与上年持平"
    size = plain_number(round(abs(delta), 6), 6)
    if result.unit == "%":
        unit = "个百分点"
    elif result.unit == "‰":
        unit = "个千分点"
    else:
        unit = number(0, result.unit)[1:]  # 岁, 平方米, /10万
    return f"较上年{'提高' if delta > 0 else '下降'}{size}{unit}"
