"""The predicate of a target clause: "居民健康素养水平分别不低于22%和30%" → indicator
"居民健康素养水平", comparator ``>=``, values 22 and 30, unit ``%``.

A clause is read from its end: the predicate is the longest tail that fits one of
three shapes, and the indicator is what comes before it.

- a number phrase: an optional hedge (力争) and 分别, a comparator verb (不低于,
  达到, 控制在 …) or none, then one or more values, each with an optional unit and
  an optional 以上/以下/左右 ("达到37%及以上和40%及以上", "低于7% 和 5%");
- a trend phrase: 明显下降, 持续减缓, 上升趋势减缓, 基本实现 …, optionally followed
  by "，并持续下降";
- a verb-first clause: 实现 Y / 保持 Y, where Y is the indicator ("实现常见病不出区").

Matching runs on a same-length form of the text (half-width, simplified), so every
position found there is the same position in the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from healthaction.ingest.chinese import simplified
from healthaction.plan import Comparator, Number

_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@lru_cache(maxsize=4096)
def matchable(text: str) -> str:
    """Full-width ASCII to half-width, traditional to simplified; same length as ``text``."""
    return simplified(text.translate(_HALF_WIDTH))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Comparator verbs in front of a number. A verb that only says "to" (达到, 提升到)
# reads as "=" unless a suffix (以上, 以下) says more.
VERB_COMPARATORS: dict[str, Comparator] = {
    **dict.fromkeys(["不低于", "不少于", "不小于", "至少", "≥", ">="], ">="),
    **dict.fromkeys(["不高于", "不超过", "不大于", "不多于", "≤", "<=", "控制在", "控制到"], "<="),
    **dict.fromkeys(["低于", "少于", "小于", "不足", "<"], "<"),
    **dict.fromkeys(["高于", "多于", "大于", "超过", ">"], ">"),
    **dict.fromkeys(
        [
            "达到", "达", "提升到", "提升至", "提高到", "提高至", "增加到", "增加至", "增长到",
            "上升到", "上升至", "下降到", "下降至", "降低到", "降低至", "降到", "降至",
            "减少到", "减少至", "保持在", "稳定在", "维持在",
        ],
        "=",
    ),
}  # fmt: skip
SUFFIX_COMPARATORS: dict[str, Comparator] = {
    **dict.fromkeys(["及以上", "以上"], ">="),
    **dict.fromkeys(["及以下", "以下", "以内", "及以内", "之内"], "<="),
    "左右": "=",
}
UNITS = [
    "%", "‰", "‱", "1/10万", "/10万", "1/万", "/万", "1/千", "/千", "个百分点", "百分点",
    "岁", "万人次", "人次", "万人", "人", "小时", "分钟", "天", "年", "平方米", "万亩", "亩",
    "公顷", "次", "万元", "元", "张", "名", "所", "个", "台", "辆", "家", "户", "床",
    "公斤", "千克", "克", "公里", "米", "倍", "例", "处", "场", "微克/立方米",
]  # fmt: skip
# The trend words, matched before the bare 下降: "增速下降" slows, it does not fall.
TREND_COMPARATORS: dict[str, Comparator] = {
    **dict.fromkeys(
        ["上升趋势减缓", "上升势头减缓", "增长趋势减缓", "增速下降", "增速减缓", "增速放缓",
         "增幅下降", "增长速度下降", "减缓", "放缓"],
        "slow",
    ),
    **dict.fromkeys(["下降", "降低", "减少"], "decrease"),
    **dict.fromkeys(["提高", "上升", "增加", "增长"], "increase"),
    "改善": "improve",
    **dict.fromkeys(["保持稳定", "保持", "巩固"], "maintain"),
    "实现": "achieved",
}  # fmt: skip
_MODIFIERS = [
    "明显",
    "显著",
    "持续",
    "有所",
    "进一步",
    "逐步",
    "稳步",
    "大幅",
    "不断",
    "基本",
    "全面",
    "如期",
]
_YEARLY = "每年(?:降低|下降|减少|提高|提升|增加|上升|增长)"

_NUMBER = r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])"  # a whole number, never part of one
_VALUE = (
    rf"(?P<number>{_NUMBER})\s*(?P<unit>{_alternation(UNITS)})?"
    rf"\s*(?P<suffix>{_alternation(list(SUFFIX_COMPARATORS))})?"
)
_VALUE_RE = re.compile(_VALUE)
_ONE_VALUE = re.sub(r"\?P<\w+>", "?:", _VALUE)
_VALUES = rf"{_ONE_VALUE}(?:\s*(?:和|、|与|或)?\s*{_ONE_VALUE})*"
_NUMERIC_RE = re.compile(
    rf"^(?P<indicator>.*?)(?P<predicate>(?P<hedge>力争|争取)?\s*"
    rf"(?:(?P<yearly>{_YEARLY})|(?:分别|均|都)?\s*(?P<verb>{_alternation(list(VERB_COMPARATORS))})?)\s*"
    rf"(?P<values>{_VALUES}))\s*$"
)
_TREND_WORDS = _alternation(list(TREND_COMPARATORS))
_TREND = rf"(?:实现|得到)?\s*(?:{_alternation(_MODIFIERS)})?\s*(?P<{{name}}>{_TREND_WORDS})"
_TREND_RE = re.compile(
    rf"^(?P<indicator>.*?)(?P<predicate>(?:力争|争取)?\s*{_TREND.format(name='word')}"
    rf"(?:\s*[,;]?\s*(?:并且?|且|并将)\s*{_TREND.format(name='again')})?)\s*$"
)
_LONGEST_CLAUSE = 200
_VERB_FIRST_RE = re.compile(r"^(?:力争|争取)?\s*(?P<verb>实现|保持|巩固)\s*(?P<rest>\S.*)$")


@dataclass(frozen=True, slots=True)
class Reading:
    """A clause read as indicator + predicate; positions index the clause as written."""

    indicator: str
    text: str
    comparators: tuple[Comparator, ...]
    values: tuple[Number | None, ...]
    units: tuple[str | None, ...]
    yearly: str = ""  # "每年降低": the number is a yearly change, kept in the indicator


def _number(text: str) -> Number:
    return float(text) if "." in text else int(text)


def _unit(text: str | None) -> str | None:
    if text is None:
        return None
    return "1" + text if text.startswith("/") else text


def _read_values(clause: str, match: re.Match[str]) -> Reading:
    values_text = match.group("values")
    found = list(_VALUE_RE.finditer(values_text))
    verb = match.group("verb")
    default: Comparator = VERB_COMPARATORS[verb] if verb else "="
    trailing = found[-1].group("suffix")
    comparators: list[Comparator] = []
    for value in found:
        suffix = value.group("suffix") or (trailing if not verb or default == "=" else None)
        comparators.append(SUFFIX_COMPARATORS[suffix] if suffix else default)
    units = [_unit(v.group("unit")) for v in found]
    shared = units[-1]
    units = [u if u is not None else shared for u in units]
    start = match.start("predicate")
    yearly = clause[match.start("yearly") : match.end("yearly")] if match.group("yearly") else ""
    return Reading(
        indicator=clause[: match.start("predicate")],
        text=clause[start:].strip(),
        comparators=tuple(comparators),
        values=tuple(_number(v.group("number")) for v in found),
        units=tuple(units),
        yearly=yearly,
    )


def read_clause(clause: str) -> Reading | None:
    """Read one clause; None when its predicate is not a target (更加完善, 显著提升 …)."""
    if len(clause) > _LONGEST_CLAUSE:  # read the tail only: a predicate is short
        skip = len(clause) - _LONGEST_CLAUSE
        reading = read_clause(clause[skip:])
        return reading and replace(reading, indicator=clause[:skip] + reading.indicator)
    form = matchable(clause)
    numeric = _NUMERIC_RE.match(form)
    if numeric:
        return _read_values(clause, numeric)
    trend = _TREND_RE.match(form)
    if trend:
        start = trend.start("predicate")
        return Reading(
            indicator=clause[:start],
            text=clause[start:].strip(),
            comparators=(TREND_COMPARATORS[trend.group("word")],),
            values=(None,),
            units=(None,),
        )
    verb_first = _VERB_FIRST_RE.match(form.strip())
    if verb_first:
        offset = len(form) - len(form.lstrip())
        comparator: Comparator = "achieved" if verb_first.group("verb") == "实现" else "maintain"
        return Reading(
            indicator=clause[offset + verb_first.start("rest") :],
            text=clause.strip(),
            comparators=(comparator,),
            values=(None,),
            units=(None,),
        )
    return None
