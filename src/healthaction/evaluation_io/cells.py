"""Reading one cell: numbers (full-width too), years, comparators, 是/否, polarity, adjustment kinds.

Each reader takes the row and column so its error names the place:
observations.csv 第7行 value 列：应为数字，实际为「约10%」.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from healthaction.evaluation_io.csv_table import Row
from healthaction.evaluation_io.errors import shown
from healthaction.numbers import NumberRefused, check_amount

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_INTEGER = re.compile(r"^[+-]?\d+$")

# evaluation.md §1 codes, plus the signs and words people write in their own tables.
COMPARATORS: dict[str, str] = {
    ">=": ">=", "≥": ">=", "=>": ">=", "不低于": ">=",
    "<=": "<=", "≤": "<=", "=<": "<=", "不高于": "<=",
    "不少于": ">=", "不小于": ">=", "至少": ">=", "不超过": "<=", "不大于": "<=", "不多于": "<=",
    ">": ">", "<": "<", "=": "=", "==": "=",
    "高于": ">", "大于": ">", "超过": ">", "低于": "<", "小于": "<", "少于": "<", "达到": "=",
    "achieved": "achieved", "实现": "achieved",
    "decrease": "decrease", "下降": "decrease",
    "increase": "increase", "提高": "increase",
    "slow": "slow", "持续减缓": "slow",
    "maintain": "maintain", "保持": "maintain",
    "improve": "improve", "改善": "improve",
}  # fmt: skip
NUMERIC_COMPARATORS = frozenset({">=", "<=", ">", "<", "="})
WORD_COMPARATORS = frozenset({"achieved", "decrease", "increase", "slow", "maintain", "improve"})
_TRUE = frozenset({"1", "是", "true", "yes", "已实现"})
_FALSE = frozenset({"0", "否", "false", "no", "未实现"})
# evaluation.md §1's codes, the reference tables' words (higher_better) and the Chinese ones.
POLARITIES = {
    "+1": 1, "1": 1, "-1": -1, "0": 0,
    "higher_better": 1, "lower_better": -1, "binary": 0, "qualitative": 0,
    "越高越好": 1, "越低越好": -1, "正向": 1, "逆向": -1, "负向": -1, "双向": 0,
}  # fmt: skip
ADJUSTMENT_KINDS = {"bonus": "bonus", "加分": "bonus", "deduction": "deduction", "扣分": "deduction"}
ADJUSTMENT_KINDS |= {"veto": "veto", "一票否决": "veto"}


def _folded(text: str) -> str:
    """NFKC, so ７６．７ reads 76.7; the minus sign − as -."""
    return unicodedata.normalize("NFKC", text).replace("−", "-").strip()


def number(row: Row, column: str, *, required: bool = True) -> Decimal | None:
    raw = row[column]
    text = _folded(raw)
    if not text and not required:
        return None
    if not _NUMBER.match(text):
        raise row.error(column, f"应为数字，实际为{shown(raw)}")
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise row.error(column, f"应为数字，实际为{shown(raw)}") from None
    try:  # the one number rule's limits: 12 integer digits, 6 decimals
        return check_amount(value, field=column, text=raw)
    except NumberRefused as refused:
        raise row.error(column, refused.message.removeprefix(f"「{column}」：")) from None


def integer(row: Row, column: str, *, what: str = "整数", required: bool = True) -> int | None:
    raw = row[column]
    text = _folded(raw)
    if not text and not required:
        return None
    if not _INTEGER.match(text):
        raise row.error(column, f"应为{what}，实际为{shown(raw)}")
    return int(text)


def year(row: Row, column: str = "year", *, required: bool = True) -> int | None:
    """2022, ２０２２ or 2022年."""
    raw = row[column]
    text = _folded(raw).removesuffix("年度").removesuffix("年").strip()
    if not text and not required:
        return None
    if not _INTEGER.match(text):
        raise row.error(column, f"应为整数年份，实际为{shown(raw)}")
    return int(text)


def comparator(row: Row, column: str = "comparator") -> str:
    raw = row[column]
    code = COMPARATORS.get(_folded(raw).lower())
    if code is None:
        known = " ".join(dict.fromkeys(COMPARATORS.values()))
        if not raw:
            raise row.error(column, f"缺少比较符（可用：{known}）")
        raise row.error(column, f"无法识别的比较符{shown(raw)}，可用：{known}")
    return code


def achieved(row: Row, column: str = "value") -> float | None:
    """1/0, 是/否, true/false → 1.0/0.0; empty → None (not reported)."""
    raw = row[column]
    text = _folded(raw).lower()
    if not text:
        return None
    if text in _TRUE:
        return 1.0
    if text in _FALSE:
        return 0.0
    raise row.error(column, f"应为 1/0、是/否 或 true/false，实际为{shown(raw)}")


def polarity(row: Row, column: str = "polarity") -> int | None:
    raw = row[column]
    text = _folded(raw)
    if not text:
        return None
    value = POLARITIES.get(text.lower())
    if value is None:
        raise row.error(column, f"应为 +1、-1 或 0（或 higher_better、lower_better），实际为{shown(raw)}")
    return value


def adjustment_kind(row: Row, column: str = "kind") -> str:
    raw = row[column]
    kind = ADJUSTMENT_KINDS.get(_folded(raw).lower())
    if kind is None:
        raise row.error(
            column, f"应为 bonus（加分）、deduction（扣分）或 veto（一票否决），实际为{shown(raw)}"
        )
    return kind
