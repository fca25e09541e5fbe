"""Words for numbers: values with units, targets as written, counts per status, dates, heading numerals."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from healthaction.engine import statuses
from healthaction.evaluation_io.output import plain_number
from healthaction.reports.model import IndicatorResult, Milestone
from healthaction.wording import COMPARATOR_WORDS, quantity
from healthaction.wording import expected as expected_words

# The order statuses are counted in, as codes (MISSED = OFF_TRACK past the target year), and their words.
ORDER = tuple(status.code for status in statuses.SHOWN)
LABELS = tuple(status.label for status in statuses.SHOWN)
BEHIND = statuses.BEHIND
GOOD = statuses.GOOD
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
    """Series per status, by code (``shown``)."""
    return Counter(r.shown for r in results)


def counts_sentence(counts: Counter[str]) -> str:
    """已达标14项，进度正常5项，进度滞后3项 (statuses with none are left out)."""
    return "，".join(f"{statuses.label(code)}{counts[code]}项" for code in ORDER if counts[code])


def joined(items: Sequence[str], last: str = "和") -> str:
    """甲、乙和丙."""
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + last + items[-1]


def some(items: Sequence[str], limit: int = 5) -> str:
    """甲、乙、丙 — or the first ``limit`` of a long list: 甲、乙、丙、丁、戊等 (the caller says how many)."""
    return "、".join(items) if len(items) <= limit else "、".join(items[:limit]) + "等"


def moved_count(before: int, now: int, unit: str = "项") -> str:
    """由3项增至5项 · 由5项减至3项 · 均为4项（与上年持平）: never 「由1项变为1项」."""
    if before == now:
        return f"均为{now}{unit}，与上年持平"
    return f"由{before}{unit}{'增至' if now > before else '减至'}{now}{unit}"


def change_words(result: IndicatorResult) -> str | None:
    """较上年提高1.5个百分点 / 较上年下降0.3 — None when last year's value is unknown."""
    if result.value is None or result.previous_value is None:
        return None
    if result.target is not None and result.target.comparator == "achieved":
        return None
    delta = result.value - result.previous_value
    if abs(delta) < 1e-9:
        return "与上年持平"
    return f"较上年{'提高' if delta > 0 else '下降'}{_in_unit(delta, result.unit)}"


_WORD_TARGETS = ("increase", "decrease", "slow", "maintain", "improve")


def difference_words(value: float, unit: str | None) -> str:
    """2.4个百分点 for %, 0.3个千分点 for ‰, 1.5岁: a gap in the unit's own words."""
    return _in_unit(value, unit)


def _in_unit(value: float, unit: str | None) -> str:
    """A difference in the unit's own words: 1.5个百分点 for %, 0.3个千分点 for ‰, 2岁, 3/10万."""
    size = plain_number(round(abs(value), 6), 6)
    if unit == "%":
        return f"{size}个百分点"
    if unit == "‰":
        return f"{size}个千分点"
    return size + number(0, unit)[1:]


def _goal(target: Milestone | None, unit: str | None) -> str:
    """The target as the object of 达到: 2022年不低于22%的目标 · 2022年目标74.5岁 (a plain value) · 目标."""
    if target is None:
        return "目标"
    if target.comparator == "=" and target.value is not None:
        return f"{target.year}年目标{number(target.value, unit)}"
    if target.comparator in (">=", "<=", ">", "<"):
        return f"{target.year}年{target_words(target, unit)}的目标"
    return f"{target.year}年目标（{target_words(target, unit)}）"


def progress_words(result: IndicatorResult, year: int) -> str:
    """What one series stands at, in a report's words, from the same numbers as the table:

    2022年为76.52岁，已达到2022年不低于74.5岁的目标 ·
    2022年为19%，按序时进度应达到19.2%，完成序时进度的98.2%，距2030年不低于30%的目标尚有差距 ·
    截至2022年无监测数据.
    Comparators are words, every number carries its unit, targets are worded from the plan's own
    comparator (高于95, never the engine's inclusive ≥95.01), and a completion rate is never negative.
    """
    unit, target = result.unit, result.target
    if result.value is None:
        return f"截至{year}年无监测数据"
    when = result.value_year or year
    stale = f"（{year}年未报告，为最近一次数据）" if when < year else ""
    reported = f"{when}年为{value_words(result)}{stale}"
    if target is not None and target.comparator == "achieved":
        return f"{when}年{'已实现' if result.value >= 1 else '尚未实现'}目标"
    goal = _goal(target, unit)
    base = (
        f"基期{result.baseline_year}年的{number(result.baseline, unit)}"
        if result.baseline is not None and result.baseline_year is not None
        else None
    )
    if target is not None and target.comparator in _WORD_TARGETS:
        if base is None:
            return f"{reported}，缺少基期值，无法判断是否实现{goal}"
        assert result.baseline is not None
        delta = result.value - result.baseline
        moved = (
            "与基期持平"
            if abs(delta) < 1e-9
            else f"较{base}{'提高' if delta > 0 else '下降'}{_in_unit(delta, unit)}"
        )
        return f"{reported}，{moved}；{goal}"
    if result.status == "ACHIEVED":
        text = f"{reported}，已达到{goal}"
        if "early" in result.flags:
            text += "，提前达标"
        if "declined_since_baseline" in result.flags and base is not None:
            text += f"，但不及{base}"
        return text
    if result.ratio is not None and result.expected is not None and "missed" not in result.flags:
        expected = expected_words(result.expected, unit)  # to the decimals, as the table beside it
        if result.ratio <= 0:
            progress = f"按序时进度应达到{expected}，与{base or '基期'}相比尚无进展"
        elif result.ratio >= 1:
            progress = f"超过序时进度（应达到{expected}）"
        else:
            progress = f"按序时进度应达到{expected}，完成序时进度的{result.ratio * 100:.1f}%"
        return f"{reported}，{progress}，距{goal}尚有差距"
    if "no_baseline" in result.flags:
        return f"{reported}，缺少基期值，无法计算达到{goal}的序时进度"
    text = f"{reported}，未达到{goal}"
    if "regressing" in result.flags and base is not None:
        text += f"，且不及{base}"
    return text
