"""The one number rule: what a typed number means, and whether it can be true.

Every place a person writes a number — data entry, the Excel template, the evaluate CSV, the
API, 考核 复核值 and 加减分, task progress amounts, plan targets — reads it here, so the same
text means the same value everywhere and the same impossible value is refused everywhere.

Reading (:func:`read_amount`, :func:`parse_amount`)
    Full-width digits and signs (``１２.５``, ``－３``) are folded by NFKC; spaces are dropped;
    thousands separators must group by three (``1,234`` and ``1，234``; ``1,5`` is refused, it
    may be a European decimal comma); exponent notation (``1E+3``) is read, then held to the
    limits below. A trailing unit equal to the field's unit is dropped (``12.5%`` in a % row);
    a rate unit is converted to the field's rate unit (``1.2‰`` in a % row is 0.12) with a
    note; any other trailing text (``约10``, ``10左右``, ``10-12``, ``暂无``) is refused.

Limits (:func:`check_amount`)
    Finite only (no ``inf``, ``nan``, ``1e309``); at most :data:`INTEGER_DIGITS` (12) digits
    before the decimal point — a statistic of a city never needs more, and Excel keeps only 15
    significant digits — and at most :data:`DECIMALS` (6) after it, the precision the database
    stores. A value past a limit is refused with a message, never capped or rounded.

Plausibility (:func:`plausibility`)
    % within 0–100, ‰ within 0–1000, 1/10万 within 0–100000, life expectancy (岁) within
    40–100, counts and other quantities (人, 次, 个, 场次, 小时 …) not negative; a change
    (个百分点, or a name saying 增长率/下降率/增幅 …) may be negative but a % change not below
    −100. A caller may narrow the range (a 加分 between 0 and the item's maximum).

Messages are Chinese, name the field, and quote at most :data:`EXCERPT` characters of what
was typed, so a 300-digit number is never echoed back.

>>> parse_amount("１２.５", field="居民健康素养水平", unit="%")
Decimal('12.5')
>>> parse_amount("1，234", field="培训人数", unit="人")
Decimal('1234')
>>> parse_amount("1e309", field="培训人数", unit="人")
Traceback (most recent call last):
...
healthaction.numbers.NumberRefused: 「培训人数」：数值过大（整数部分最多12位），实际为「1e309」
>>> plausibility(Decimal("102.76"), "%")
'百分比应在0到100之间'
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from healthaction.catalog.units import (
    PER_100K,
    PER_MILLE,
    PERCENT,
    UnitError,
    is_rate,
    normalise_unit,
    scale_exponent,
)

INTEGER_DIGITS = 12
DECIMALS = 6
# The largest magnitude a value may have: 12 digits before the point.
LIMIT = Decimal(10) ** INTEGER_DIGITS
# The years a plan's target, a baseline or a reported value can concern (健康中国行动 runs 2019–2030;
# baselines reach back, 2035/2050 visions forward).
YEARS = (2000, 2100)
# How much of the user's text a message may quote.
EXCERPT = 20
# Text longer than this is not a number anyone typed (and is not parsed at all).
MAX_TEXT = 64

_NUMBER = re.compile(r"([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)((?:[eE][+-]?\d+)?)(.*)")
# Words that make a number an estimate or a range, not a value: 10%左右, 约10, 10-12.
_HEDGES = re.compile(r"左右|以上|以下|以内|多|余|约|近|至|到|[~～\-—]")
_MINUS_SIGNS = str.maketrans({"−": "-", "－": "-", "﹣": "-"})

# Units of things counted or measured, which cannot be negative. Any unit written as a ratio
# (名/万人, 张/千人) is a count per population and cannot be negative either.
_NON_NEGATIVE_WORDS = (
    "人 人次 名 次 个 场 场次 家 所 种 项 例 张 床 辆 户 支 批 篇 期 件 部 处 台 套 份 座 条 万人 亿人 "
    "千人 万人次 万元 亿元 元 小时 分钟 天 日 周 月 年 g 克 kg 千克 公斤 "
    "米 千米 公里 平方米 m2 m² 亩 万亩 公顷"
)
_NON_NEGATIVE = frozenset(_NON_NEGATIVE_WORDS.split())
_CHANGE_UNITS = frozenset({"个百分点", "百分点"})
# A name that says the value is a change: it may be negative (a % change not below −100).
_CHANGE_NAME = re.compile(
    r"增长率|增长幅度|增幅|降幅|下降率|下降幅度|降低率|减少率|提高率|变化率|变化幅度|增速|增长|下降"
)
_LIFE = re.compile(r"寿命")


class NumberRefused(ValueError):  # noqa: N818 - the name other modules build on
    """The text is not a number this field can hold; ``message`` says why, in Chinese, naming the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Amount:
    """A number read from text, in the field's unit; ``note`` says what was converted or dropped."""

    value: Decimal
    note: str | None = None


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """At most ``limit`` characters of ``text``, with … when cut.

    >>> excerpt("9" * 300)
    '99999999999999999999…'
    """
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def plain(value: Decimal) -> str:
    """12.50 → 12.5, 1E+1 → 10: a number as a person writes it (finite values only).

    >>> plain(Decimal("1E+1")), plain(Decimal("12.50"))
    ('10', '12.5')
    """
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def fold(text: str) -> str:
    """NFKC (full-width digits, ％, ，), the minus signs − and － as -, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_MINUS_SIGNS))


def _refuse(field: str, reason: str, text: str | None = None, hint: str = "") -> NumberRefused:
    shown = f"，实际为「{excerpt(text)}」" if text is not None else ""
    return NumberRefused(f"「{field}」：{reason}{shown}{hint}")


def read_amount(
    text: str,
    *,
    field: str,
    unit: str | None = None,
    name: str | None = None,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    decimals: int = DECIMALS,
) -> Amount:
    """The number ``text`` says, in ``unit``, checked (limits and plausibility), with a note.

    ``field`` names the place in messages; ``name`` is the indicator's name when it matters for
    plausibility (a 增长率 may be negative). ``minimum``/``maximum`` narrow the range further;
    ``decimals`` lowers the number of decimals the place stores (分 keep 2).

    >>> read_amount("1.2‰", field="婴儿死亡率", unit="%")
    Amount(value=Decimal('0.12'), note='按「‰」换算为「%」：1.2‰ → 0.12')
    >>> read_amount("12.5%", field="x", unit="%").value
    Decimal('12.5')
    """
    written = text.strip()
    if len(written) > MAX_TEXT:
        if re.fullmatch(r"[+-]?[\d,]+(?:\.\d*)?", fold(written)):  # a very long number
            integer = fold(written).split(".")[0]
            if len(integer.lstrip("+-0,")) > INTEGER_DIGITS:
                raise _refuse(field, f"数值过大（整数部分最多{INTEGER_DIGITS}位）", written)
        raise _refuse(field, f"内容过长（{len(written)}个字符），应为一个数字", written)
    cleaned = fold(written)
    if not cleaned:
        raise _refuse(field, "请填写数字")
    match = _NUMBER.fullmatch(cleaned)
    if match is None or _HEDGES.search(match.group(3)) or re.match(r"[,.\d]", match.group(3)):
        hint = (
            "；无数据请留空，并在「说明」中写明原因"
            if not re.search(r"\d", cleaned)
            else "；只填一个数字，估计、范围等请写在「说明」中"
        )
        raise _refuse(field, "应为数字", written, hint)
    mantissa, exponent, suffix = match.group(1).replace(",", ""), match.group(2), match.group(3)
    if exponent and len(exponent.lstrip("eE+-")) > 4:
        # 1e999999999: Decimal reads it, but no check or message should ever spell it out.
        big = not exponent[1:].startswith("-")
        raise _refuse(field, "数值过大（整数部分最多12位）" if big else "小数位过多（最多6位）", written)
    try:
        value = Decimal(mantissa + exponent)
    except InvalidOperation:  # the pattern admits only decimals; kept for safety
        raise _refuse(field, "应为数字", written) from None
    note = None
    if suffix:
        typed, expected = normalise_unit(suffix), normalise_unit(unit)
        if typed == expected:
            note = f"已去掉单位「{suffix}」，按 {plain(value)} 读取" if _small(value) else None
        else:
            try:
                shift = scale_exponent(typed, expected)
            except UnitError:
                raise _refuse(
                    field,
                    f"填写的单位「{excerpt(suffix, 10)}」与本项单位「{unit or '无'}」不同，无法换算",
                    hint=f"；请只填数字（单位：{unit or '无'}）",
                ) from None
            value = value.scaleb(shift)
            if _small(value):
                value = Decimal(plain(value))
                note = f"按「{suffix}」换算为「{unit}」：{excerpt(written)} → {plain(value)}"
    return Amount(
        check_amount(
            value,
            field=field,
            unit=unit,
            name=name,
            minimum=minimum,
            maximum=maximum,
            decimals=decimals,
            text=written,
        ),
        note,
    )


def _small(value: Decimal) -> bool:
    """Small enough to spell out (the limits are checked afterwards)."""
    return value.is_finite() and value.adjusted() < INTEGER_DIGITS + 2 and value.adjusted() > -DECIMALS - 4


def parse_amount(
    text: str,
    *,
    field: str,
    unit: str | None = None,
    name: str | None = None,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    decimals: int = DECIMALS,
) -> Decimal:
    """The checked value of ``text`` (see :func:`read_amount`), or :class:`NumberRefused`.

    >>> parse_amount("-5", field="筛查率", unit="%")
    Traceback (most recent call last):
    ...
    healthaction.numbers.NumberRefused: 「筛查率」：百分比应在0到100之间，实际为「-5」
    """
    return read_amount(
        text, field=field, unit=unit, name=name, minimum=minimum, maximum=maximum, decimals=decimals
    ).value


def parse_optional(
    text: str | None,
    *,
    field: str,
    unit: str | None = None,
    name: str | None = None,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    decimals: int = DECIMALS,
) -> Decimal | None:
    """Like :func:`parse_amount`, but blank text is None (left empty)."""
    if text is None or not fold(text):
        return None
    return parse_amount(
        text, field=field, unit=unit, name=name, minimum=minimum, maximum=maximum, decimals=decimals
    )


def check_amount(
    value: Decimal | float | int,
    *,
    field: str,
    unit: str | None = None,
    name: str | None = None,
    minimum: Decimal | int | None = None,
    maximum: Decimal | int | None = None,
    decimals: int = DECIMALS,
    text: str | None = None,
) -> Decimal:
    """``value`` (a number already read: an Excel cell, a JSON number) held to the limits.

    >>> check_amount(float("inf"), field="x")
    Traceback (most recent call last):
    ...
    healthaction.numbers.NumberRefused: 「x」：应为有限的数字，实际为「inf」
    >>> check_amount(Decimal("1.1234567"), field="x")
    Traceback (most recent call last):
    ...
    healthaction.numbers.NumberRefused: 「x」：小数位过多（最多6位），实际为「1.1234567」
    """
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _refuse(field, "应为有限的数字", text if text is not None else str(value))
        value = Decimal(repr(value))
    elif isinstance(value, int):
        value = Decimal(value)
    if not value.is_finite():
        raise _refuse(field, "应为有限的数字", text if text is not None else str(value))
    shown = text if text is not None else _short(value)
    if abs(value) >= LIMIT:
        raise _refuse(field, f"数值过大（整数部分最多{INTEGER_DIGITS}位）", shown)
    if value != 0 and value.normalize().as_tuple().exponent < -decimals:  # type: ignore[operator]
        raise _refuse(field, f"小数位过多（最多{decimals}位）", shown)
    reason = plausibility(value, unit, name=name)
    if reason is not None:
        raise _refuse(field, reason, shown)
    if minimum is not None and value < minimum:
        raise _refuse(field, f"不能小于{plain(Decimal(minimum))}", shown)
    if maximum is not None and value > maximum:
        raise _refuse(field, f"不能大于{plain(Decimal(maximum))}", shown)
    return value + 0 if value != 0 else Decimal(0)  # -0 → 0


def _short(value: Decimal) -> str:
    return plain(value) if _small(value) else f"{value:.3E}"


def _is_change(unit: str | None, name: str | None) -> bool:
    return unit in _CHANGE_UNITS or (name is not None and _CHANGE_NAME.search(name) is not None)


def plausible_range(unit: str | None, *, name: str | None = None) -> tuple[Decimal | None, Decimal | None]:
    """The (lowest, highest) value a quantity in ``unit`` can take; None: no bound.

    >>> plausible_range("‰")
    (Decimal('0'), Decimal('1000'))
    >>> plausible_range("%", name="成人肥胖增长率")
    (Decimal('-100'), None)
    """
    normal = normalise_unit(unit)
    if normal is None:
        return None, None
    if _is_change(normal, name):
        return (Decimal(-100), None) if normal == PERCENT else (None, None)
    if normal == PERCENT:
        return Decimal(0), Decimal(100)
    if normal == PER_MILLE:
        return Decimal(0), Decimal(1000)
    if normal == PER_100K:
        return Decimal(0), Decimal(100000)
    if normal == "岁" and (name is None or _LIFE.search(name)):
        return Decimal(40), Decimal(100)
    if normal in _NON_NEGATIVE or normal == "岁" or "/" in normal or "每" in normal:
        return Decimal(0), None
    return None, None


def plausibility(value: Decimal | float, unit: str | None, *, name: str | None = None) -> str | None:
    """Why ``value`` cannot be true in ``unit`` (Chinese), or None when it can.

    >>> plausibility(Decimal("-3"), "1/10万")
    '率（1/10万）不能为负数'
    >>> plausibility(Decimal("30"), "岁", name="人均预期寿命")
    '预期寿命应在40到100岁之间'
    >>> plausibility(Decimal("-1.5"), "个百分点") is None
    True
    """
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if not number.is_finite():
        return "应为有限的数字"
    low, high = plausible_range(unit, name=name)
    if (low is None or number >= low) and (high is None or number <= high):
        return None
    normal = normalise_unit(unit)
    if _is_change(normal, name):
        return "变化幅度不能低于-100%"
    if normal == PERCENT:
        return "百分比应在0到100之间"
    if normal == PER_MILLE:
        return "千分率应在0到1000之间"
    if normal == "岁" and low == 40:
        return "预期寿命应在40到100岁之间"
    if high is not None and number > high:
        return f"应在{plain(low or Decimal(0))}到{plain(high)}之间（{normal}）"
    if is_rate(normal):
        return f"率（{normal}）不能为负数"
    return f"数量（{normal}）不能为负数"


def parse_year(text: str | int, *, field: str, earliest: int, latest: int) -> int:
    """A year written as digits (full-width too), within ``earliest``–``latest``.

    >>> parse_year("２０２５", field="目标年份", earliest=2000, latest=2100)
    2025
    >>> parse_year("99999999999999999999", field="目标年份", earliest=2000, latest=2100)
    Traceback (most recent call last):
    ...
    healthaction.numbers.NumberRefused: 「目标年份」：年份应在2000到2100之间，实际为「99999999999999999999」
    """
    written = str(text).strip()
    cleaned = fold(written).removesuffix("年")
    if not re.fullmatch(r"\d{1,8}", cleaned):
        if re.fullmatch(r"\d+", cleaned):
            raise _refuse(field, f"年份应在{earliest}到{latest}之间", written)
        raise _refuse(field, "应为四位数的年份", written)
    year = int(cleaned)
    if not earliest <= year <= latest:
        raise _refuse(field, f"年份应在{earliest}到{latest}之间", written)
    return year
