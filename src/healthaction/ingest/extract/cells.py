"""One cell of a 考核指标框架 / 主要指标 table: comparator, value and unit.

A cell is read as written in these tables: ``≤3．75``, ``≥22``, ``＞90``, ``32．29*``
(a footnoted value), ``持续下降``, ``实现``, ``——`` (nothing), or two values for two
sub-indicators (``100\\n70``, ``100，70``). Matching goes through NFKC (full-width
digits and points) and simplified characters; ``text`` keeps the cell as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from healthaction.ingest.chinese import nfkc, simplified
from healthaction.plan import Comparator, Number

_DASHES = "—－-―─–‐‑⸺/／…　 \t\n"
_BLANK_WORDS = frozenset({"无", "暂无", "不适用", "空"})

# Word comparators with no number, tried in this order (slow before decrease:
# 增速下降 is slowing growth, not a fall).
_WORD_COMPARATORS: tuple[tuple[Comparator, re.Pattern[str]], ...] = (
    ("slow", re.compile(r"减缓|增速下降|增幅下降")),
    ("decrease", re.compile(r"下降|降低|减少")),
    ("improve", re.compile(r"改善")),
    ("increase", re.compile(r"提高|上升|增加|增长")),
    ("maintain", re.compile(r"保持|巩固|维持")),
    ("achieved", re.compile(r"实现|完成")),
)

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SIGNS: tuple[tuple[Comparator, re.Pattern[str]], ...] = (
    ("<=", re.compile(r"≤|≦|<=|≯|不高于|不超过|不大于|以下|以内")),
    (">=", re.compile(r"≥|≧|>=|≮|不低于|不少于|不小于|以上")),
    ("<", re.compile(r"<|低于|小于|少于")),
    (">", re.compile(r">|高于|超过|大于|多于")),
)
_FILLER = re.compile(r"达到|控制在|保持在|提升到|提高到|下降到|降低到|降至|升至|左右|及|为|在|到|约")
_UNIT = re.compile(
    r"(?:1?/10万|%|‰|[万千百亿]?[个人岁次张元天米亩床名所家例户倍]|小时|分钟|平方米|万亩|个百分点)"
)
_PER_100K = re.compile(r"(?:\s+1)?\s*/\s*10\s*万\s*$")
_SPLIT = re.compile(r"[\n，、；;]+|,(?!\d{3}(?!\d))")


@dataclass(frozen=True, slots=True)
class CellValue:
    """What one value in a cell says; ``starred`` marks a footnoted value (``32.29*``)."""

    comparator: Comparator
    value: Number | None
    unit: str | None
    text: str
    starred: bool = False


class UnreadableCellError(ValueError):
    """A cell that holds something but no value this module can read."""


def is_blank(text: str) -> bool:
    """Empty, ``—``, ``——``, ``/`` or 无: the table states nothing here."""
    stripped = text.strip(_DASHES)
    return not stripped or simplified(stripped) in _BLANK_WORDS


def normalize_unit(unit: str) -> str:
    """``（1/10 万）`` → ``1/10万``, ``/10万`` → ``1/10万``, ``％`` → ``%``."""
    compact = re.sub(r"\s+", "", nfkc(unit))
    if compact.startswith("/"):
        compact = "1" + compact
    return compact


def number(text: str) -> Number:
    """``76．7`` → 76.7, ``0`` → 0 (ints stay ints)."""
    plain = nfkc(text)
    return float(plain) if "." in plain else int(plain)


def parse_value(text: str) -> CellValue:
    """One value as written: ``≤3．75`` → (<=, 3.75); ``实现`` → (achieved, None).

    Raises UnreadableCellError for a range, a relative change (提高10%) or prose.
    """
    written = text.strip()
    plain = simplified(nfkc(written))
    per_hundred_thousand = _PER_100K.search(plain)
    if per_hundred_thousand:
        plain = plain[: per_hundred_thousand.start()]
    plain = re.sub(r"\s+", "", plain)
    starred = plain.endswith("*")
    plain = plain.rstrip("*")
    numbers = _NUMBER.findall(plain)
    if not numbers:
        for word_comparator, word in _WORD_COMPARATORS:
            if word.search(plain) and len(plain) <= 12:
                return CellValue(word_comparator, None, None, written, starred)
        raise UnreadableCellError(written)
    if len(numbers) > 1:
        raise UnreadableCellError(written)
    before, _, after = plain.partition(numbers[0])
    words = before + after
    comparator: Comparator = "="
    for sign, pattern in _SIGNS:
        if pattern.search(words):
            comparator = sign
            words = pattern.sub("", words, count=1)
            break
    words = _FILLER.sub("", words)
    unit_match = _UNIT.fullmatch(words)
    if words and unit_match is None:
        raise UnreadableCellError(written)
    unit = normalize_unit(words) if words else None
    if per_hundred_thousand:
        unit = "1/10万"
    return CellValue(comparator, number(numbers[0]), unit, written, starred)


def parse_cell(text: str) -> list[CellValue]:
    """Every value in a cell, in order: none for a blank cell, two for ``100，70``."""
    if is_blank(text):
        return []
    parts = [part for part in _SPLIT.split(text) if part.strip()]
    if len(parts) > 1 and not all(_NUMBER.search(nfkc(part)) for part in parts):
        # "下降，并持续下降" is one phrase, not two values.
        return [parse_value(re.sub(r"\s*\n\s*", "", text))]
    return [parse_value(part) for part in parts]


def looks_like_value(text: str) -> bool:
    """A cell a target or baseline column could hold (used to re-align rows)."""
    if is_blank(text):
        return True
    try:
        parse_cell(text)
    except UnreadableCellError:
        return False
    return len(text.strip()) <= 16


# Header cells: what a column of a 考核指标框架 / 主要指标 table holds.

Role = Literal["basis", "seq", "indicator", "baseline", "target", "unit", "nature", "domain", "other"]

_ROLES: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("basis", re.compile(r"依据|来源")),
    ("seq", re.compile(r"序号|编号|序|No\.?", re.IGNORECASE)),
    ("nature", re.compile(r"性质|属性|指标类型")),
    ("domain", re.compile(r"领域|类别|分类|维度|指标类别|专项行动|行动名称")),
    ("other", re.compile(r"责任|牵头|配合|部门|备注|说明|方式|评分|分值|权重|考核标准|计分")),
    ("baseline", re.compile(r"基期|基线|基数|现状|基准|现值")),
    ("target", re.compile(r"目标|^\d{4}年(?:值|度)?$|^\d{4}$")),
    ("unit", re.compile(r"^(?:计量)?单位$")),
    ("indicator", re.compile(r"指标|项目|内容")),
)


def header_key(text: str) -> str:
    """A header cell as matched: NFKC, simplified, no white space (指  標 → 指标)."""
    return re.sub(r"\s+", "", simplified(nfkc(text)))


def header_role(text: str) -> Role | None:
    """考核依据 → basis, 基期水平（2017年） → baseline, 2022年白银市目标值 → target; None for data."""
    if len(text) > 48:
        return None
    key = header_key(text)
    if not key or len(key) > 24:
        return None
    for role, pattern in _ROLES:
        if role == "seq" and pattern.fullmatch(key):
            return role
        if role != "seq" and pattern.search(key):
            return role
    return None


def is_header(cells: Sequence[str]) -> bool:
    """A row of column names: it names an indicator column and a target column, and little else."""
    filled = [cell for cell in cells if cell.strip()]
    roles = [header_role(cell) for cell in filled]
    named = [role for role in roles if role is not None]
    return "indicator" in named and "target" in named and len(named) * 4 >= len(filled) * 3
