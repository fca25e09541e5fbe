"""The words around a number in a measure: units (量词), comparator words, periods.

Tables, not code: a city whose lists use another measure word adds it here.
"""

from __future__ import annotations

import re
from typing import Final, Literal

Comparator = Literal[">=", "<=", ">", "<"]
Period = Literal["year", "half_year", "quarter", "month", "week", "day", "semester", "school_year"]

# Measure words after a number, longest first so 人次 wins over 人 and 万亩 over 亩.
COUNT_UNITS: Final = (
    "个百分点", "人次", "场次", "批次", "课时", "小时", "分钟", "万亩", "万人", "万元", "平方米", "公里",
    "千米", "场", "次", "座", "个", "家", "所", "部", "期", "名", "人", "户", "间", "项", "处", "支",
    "台", "套", "张", "份", "篇", "条", "本", "天", "亩", "米", "元", "吨", "轮", "届", "班", "节",
    "堂", "种", "类", "辆", "块", "例", "床", "件", "起", "队",
)  # fmt: skip
RATE_UNITS: Final = ("%", "‰", "岁")
# A measure word that begins a longer word is not a unit there: 3部门, 2家庭, 5人员.
NOT_UNITS: Final = ("部门", "家庭", "人员", "人群", "人民", "所有", "种类", "类型", "条件", "处理", "期间")
# "5批次/千人", "14/10万": a rate per some population.
PER: Final = r"/(?:\d+\s*)?[万千百]?(?:人|户|人口)?"

# Comparator words before a number; the rest of a measure's numbers are floors (>=).
_BEFORE: Final[tuple[tuple[str, Comparator], ...]] = (
    ("不高于", "<="), ("不超过", "<="), ("不多于", "<="), ("不大于", "<="), ("≤", "<="), ("<=", "<="),
    ("控制在", "<="), ("下降到", "<="), ("下降至", "<="), ("降低到", "<="), ("降低至", "<="),
    ("降到", "<="), ("降至", "<="), ("减少到", "<="), ("减少至", "<="), ("压减到", "<="),
    ("不少于", ">="), ("不低于", ">="), ("不小于", ">="), ("至少", ">="), ("≥", ">="), (">=", ">="),
    ("低于", "<"), ("少于", "<"), ("小于", "<"), ("<", "<"),
    ("超过", ">"), ("高于", ">"), ("大于", ">"), ("多于", ">"), (">", ">"),
)  # fmt: skip
BEFORE_WORDS: Final = dict(_BEFORE)
BEFORE = re.compile("|".join(re.escape(word) for word, _ in _BEFORE))
# Words after the unit: 以上 / 及以上 raise a bound to >=, 以下 / 以内 to <=.
AFTER = re.compile(r"\s*(?:及|或)?(?P<word>以上|以下|以内)")
AFTER_WORDS: Final[dict[str, Comparator]] = {"以上": ">=", "以下": "<=", "以内": "<="}
# Target verbs: removed from the subject, they say nothing of the bound.
TARGET_VERBS: Final = re.compile(
    r"(?:分别|力争|确保|努力|争取)|(?:达到|提高到|提高至|提升到|提升至|增加到|增至|稳定在?|保持在?|实现)$"
)

_PERIODS: Final[tuple[tuple[str, Period], ...]] = (
    ("每半年", "half_year"), ("每个季度", "quarter"), ("每季度", "quarter"), ("每季", "quarter"),
    ("按季度", "quarter"), ("每个月", "month"), ("每月", "month"), ("按月", "month"),
    ("每星期", "week"), ("每周", "week"), ("每天", "day"), ("每日", "day"),
    ("每个学期", "semester"), ("每学期", "semester"), ("一学期", "semester"), ("每学年", "school_year"),
    ("每一年", "year"), ("每年度", "year"), ("每年", "year"), ("年均", "year"), ("全年", "year"),
)  # fmt: skip
PERIOD_WORDS: Final = dict(_PERIODS)
PERIODS: Final = re.compile("|".join(re.escape(word) for word, _ in _PERIODS))
# How many of each period a year holds: a quarterly "1次" is 4 a year.
PER_YEAR: Final[dict[Period, int]] = {
    "year": 1, "half_year": 2, "quarter": 4, "month": 12, "week": 52, "day": 365,
    "semester": 2, "school_year": 1,
}  # fmt: skip
PERIOD_NAMES: Final[dict[Period, str]] = {
    "year": "每年", "half_year": "每半年", "quarter": "每季度", "month": "每月", "week": "每周",
    "day": "每天", "semester": "每学期", "school_year": "每学年",
}  # fmt: skip
# A year the sentence sets: "到2025年", "2021年", "力争2021年".
YEAR: Final = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# Phrases that count nothing: "一批" is "some", "一次性" is "one-off".
VAGUE: Final = ("一批", "一系列", "一些", "一次性", "一体", "一站", "一窗", "一网")
QUOTES: Final = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’", "〈": "〉"}
