"""Numbers as a 责任清单 writes them: 60, ６０, 91.5, 六十, 两, 一百二十, 三千五百.

>>> chinese_number("六十"), chinese_number("两"), chinese_number("一百零五"), chinese_number("十二")
(60, 2, 105, 12)
>>> chinese_number("三万五千"), chinese_number("二〇"), chinese_number("万")
(35000, None, None)
"""

from __future__ import annotations

from typing import Final

Number = int | float

DIGITS: Final = "零〇一二两三四五六七八九十百千万"
_VALUES: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_VALUES.update({"八": 8, "九": 9})
_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
# Full-width digits, letters and signs to ASCII, one character for one, so positions survive.
_HALF_WIDTH: Final = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def half_width(text: str) -> str:
    """ "不少于６０场次，达到９０％" → "不少于60场次,达到90%" (same length as the input)."""
    return text.translate(_HALF_WIDTH)


def chinese_number(text: str) -> int | None:
    """A whole number written in Chinese numerals up to 万 (十 → 10); None if it is not one."""
    if not text or any(char not in DIGITS for char in text):
        return None
    high, _, low = text.rpartition("万")
    if "万" in text:
        high_value = chinese_number(high) if high else None
        low_value = chinese_number(low) if low else 0
        if high_value is None or low_value is None:
            return None
        return high_value * 10000 + low_value
    return _below_ten_thousand(text)


def _below_ten_thousand(text: str) -> int | None:
    total, digit, previous = 0, None, ""
    last_unit = 10000
    for char in text:
        if char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif _VALUES[char] == 0:
            if previous not in _UNITS:
                return None  # 零 only stands after 百 or 千 (一百零五); "二〇" is a year or a code
        elif digit is not None:
            return None
        else:
            digit = _VALUES[char]
        previous = char
    if digit is not None:
        total += digit
    return total or None


def as_number(text: str) -> Number:
    """ "60" → 60, "91.5" → 91.5, "0.01" → 0.01: ints stay ints."""
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value
