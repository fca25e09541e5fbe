"""A date written on a line of its own: 2021年2月25日, 二〇二一年二月二十五日, 2021-02-25."""

from __future__ import annotations

import re
from datetime import date

from healthaction.ingest.chinese import nfkc

_ARABIC = re.compile(
    r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$|^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$"
)
_DIGITS = "〇一二三四五六七八九"
_ZEROS = "零○OoΟ０"
_CHINESE = re.compile(
    rf"^([{_DIGITS}{_ZEROS}]{{4}})\s*年\s*([一二三四五六七八九十]{{1,2}})\s*月\s*([一二三四五六七八九十]{{1,3}})\s*日$"
)


_SMALL_NUMBER = re.compile(
    r"^(?:(?P<tens>[二三])?(?P<ten>十)(?P<ones>[一二三四五六七八九])?|(?P<unit>[一二三四五六七八九]))$"
)


def _small_number(text: str) -> int | None:
    """十 → 10, 十二 → 12, 二十五 → 25, 三十一 → 31, 七 → 7; None for anything else."""
    found = _SMALL_NUMBER.match(text)
    if not found:
        return None
    if found["unit"]:
        return _DIGITS.index(found["unit"])
    tens = _DIGITS.index(found["tens"]) if found["tens"] else 1
    return tens * 10 + (_DIGITS.index(found["ones"]) if found["ones"] else 0)


# A date whose separators were lost on the way ("20201020", "2020928"): eight digits are
# YYYYMMDD; six or seven are read only when one split of month and day is a real date
# ("202634" → 2026-03-04, "2020928" → 2020-09-28).
_RUN_TOGETHER = re.compile(r"^((?:19|20)\d{2})(\d{2,4})$")


def _run_together(line: str) -> str | None:
    found = _RUN_TOGETHER.match(line)
    if not found:
        return None
    year, rest = int(found[1]), found[2]
    if len(rest) == 4:
        return _iso(year, int(rest[:2]), int(rest[2:]))
    splits = [(rest[:1], rest[1:]), (rest[:2], rest[2:])] if len(rest) == 3 else [(rest[:1], rest[1:])]
    readings = {d for d in (_iso(year, int(month), int(day)) for month, day in splits) if d}
    return readings.pop() if len(readings) == 1 else None


def parse_date_line(text: str) -> str | None:
    """The ISO date when the whole line is a date, else None."""
    line = nfkc(text).strip()
    joined = _run_together(line)
    if joined:
        return joined
    found = _ARABIC.match(line)
    if found:
        year, month, day = (int(g) for g in found.groups() if g is not None)
        return _iso(year, month, day)
    found = _CHINESE.match(text.strip())
    if found:
        year_text = "".join("〇" if c in _ZEROS else c for c in found[1])
        year = int("".join(str(_DIGITS.index(c)) for c in year_text))
        month_number, day_number = _small_number(found[2]), _small_number(found[3])
        return _iso(year, month_number, day_number) if month_number and day_number else None
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
