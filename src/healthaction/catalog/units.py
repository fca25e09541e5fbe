"""Units of indicator values, and the only conversions we allow: % ↔ ‰ ↔ 1/10万.

婴儿死亡率 6.8 ‰ is 0.68 % and 680 1/10万: a rate changes scale by a power of ten.
Any other pair (岁 and %, 人 and 万人) is an error, never a guess. Conversions are
done on the decimal text, so 13.7 ‰ becomes exactly 1.37 %.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

PERCENT = "%"
PER_MILLE = "‰"
PER_100K = "1/10万"

# A rate unit and the power of ten of one unit: 1 % = 10^-2.
_RATE_EXPONENTS: dict[str, int] = {PERCENT: -2, PER_MILLE: -3, PER_100K: -5}

_PER_100K_FORMS = re.compile(r"^(?:(?:1|人)?/10万人?|每10万人?|十万分之一?|/100000|1/100000)$")
_PER_MILLE_FORMS = re.compile(r"^(?:千分之一?|千分比|permille)$")
_PERCENT_FORMS = re.compile(r"^(?:百分之一?|百分比|percent)$")
# Labels that name the same unit: an age is written in 岁 or in 年 (人均预期寿命 78.6 年).
_SAME_UNIT = {"年": "岁", "周岁": "岁"}


class UnitError(ValueError):
    """Two units that cannot be converted into each other."""


def normalise_unit(unit: str | None) -> str | None:
    """'％' → '%', '/10万' → '1/10万'; empty → None; other units as written (trimmed, NFKC)."""
    if unit is None:
        return None
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", unit))
    if not text:
        return None
    if _PER_100K_FORMS.match(text):
        return PER_100K
    if _PER_MILLE_FORMS.match(text):
        return PER_MILLE
    if _PERCENT_FORMS.match(text):
        return PERCENT
    return text


def _same(unit: str | None) -> str | None:
    return _SAME_UNIT.get(unit, unit) if unit is not None else None


def is_rate(unit: str | None) -> bool:
    return normalise_unit(unit) in _RATE_EXPONENTS


def convertible(from_unit: str | None, to_unit: str | None) -> bool:
    """Same unit (after normalising), or both rates."""
    a, b = _same(normalise_unit(from_unit)), _same(normalise_unit(to_unit))
    return a == b or (a in _RATE_EXPONENTS and b in _RATE_EXPONENTS)


def scale_exponent(from_unit: str | None, to_unit: str | None) -> int:
    """The power of ten that takes a value from one unit to the other: % → ‰ is 1 (×10).

    >>> scale_exponent("%", "1/10万")
    3
    """
    a, b = _same(normalise_unit(from_unit)), _same(normalise_unit(to_unit))
    if a == b:
        return 0
    if a in _RATE_EXPONENTS and b in _RATE_EXPONENTS:
        return _RATE_EXPONENTS[a] - _RATE_EXPONENTS[b]
    raise UnitError(f"单位「{from_unit or '无'}」无法换算为「{to_unit or '无'}」")


def convert(value: Decimal | float | str, from_unit: str | None, to_unit: str | None) -> float:
    """A value in ``from_unit`` expressed in ``to_unit``, exactly on the decimal digits.

    >>> convert("13.7", "‰", "%")
    1.37
    """
    exponent = scale_exponent(from_unit, to_unit)
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return float(number.scaleb(exponent))
