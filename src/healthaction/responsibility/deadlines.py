"""The 完成时限 of a task read as a due date.

"2021-12" (as the parser writes it) is due on 2021-12-31, the end of that month;
"2022年上半年" on 2022-06-30; "2022年第三季度" on 2022-09-30. "每年" is due at
the end of every year; "长期" is long-term: reported every round, never overdue.
A cell with several deadlines (merged rows: "2021-06、2021-12") is due at the latest.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from healthaction.responsibility.numerals import chinese_number, half_width

DeadlineKind = Literal["date", "yearly", "long_term", "unknown"]

_LONG_TERM: Final = re.compile(
    r"^(?:长期(?:坚持|推进|执行)?|持续(?:推进|开展|实施)?|常态化(?:推进|开展)?|长效)$"
)
_YEARLY: Final = re.compile(r"^(?:每年(?:度)?|年度|每年\d{1,2}月(?:底|末)?(?:前)?)$")
_DAY: Final = re.compile(r"^(\d{4})(?:年|[-./])(\d{1,2})(?:月|[-./])(\d{1,2})日?(?:前|以前|之前)?$")
_MONTH: Final = re.compile(r"^(\d{4})?(?:年|[-./])?(\d{1,2})(?:月份?)?(?:底|末)?(?:前|以前|之前)?$")
_HALF: Final = re.compile(r"^(\d{4})?年?(上|下)半年(?:底|末)?(?:前|以前|之前)?$")
_QUARTER: Final = re.compile(r"^(\d{4})?年?第?([一二三四1-4])季度(?:末|底)?(?:前|以前|之前)?$")
_YEAR: Final = re.compile(r"^(\d{4})?年?(?:底|末|内|年底|年内)?(?:前|以前|之前)?$")
_SEPARATORS: Final = re.compile(r"[、，,；;]|至|—|－|--")


@dataclass(frozen=True, slots=True)
class Deadline:
    """A task's 完成时限: its kind, last day and the words the list used."""

    kind: DeadlineKind
    due: date | None
    text: str

    def due_in(self, year: int) -> date | None:
        """The day the task is due for ``year``'s work: a yearly task each 31 December."""
        if self.kind == "yearly":
            return date(year, 12, 31)
        return self.due

    def is_overdue(self, on: date) -> bool:
        """Past its last day: only a dated task can be; 长期 and 每年 never are."""
        return self.kind == "date" and self.due is not None and on > self.due

    def describe(self) -> str:
        """ "2021年12月底前", "每年", "长期", or the words of a deadline not understood."""
        if self.kind == "date" and self.due is not None:
            last = calendar.monthrange(self.due.year, self.due.month)[1]
            if self.due.day == last:
                return f"{self.due.year}年{self.due.month}月底前"
            return f"{self.due.year}年{self.due.month}月{self.due.day}日前"
        if self.kind == "yearly":
            return "每年"
        if self.kind == "long_term":
            return "长期"
        return self.text or "未定完成时限"


def parse_deadline(text: str | None, *, default_year: int | None = None) -> Deadline:
    """ "2021-12" → due 2021-12-31; "每年" → yearly; "长期" → long-term; else unknown.

    ``default_year`` dates a deadline written without one ("6月底前", "年底前").
    """
    written = (text or "").strip()
    compact = re.sub(r"\s+", "", half_width(written))
    if not compact:
        return Deadline("unknown", None, written)
    if _LONG_TERM.match(compact):
        return Deadline("long_term", None, written)
    if _YEARLY.match(compact):
        return Deadline("yearly", None, written)
    dates = [_last_day(part, default_year) for part in _SEPARATORS.split(compact) if part]
    if dates and all(day is not None for day in dates):
        return Deadline("date", max(day for day in dates if day is not None), written)
    return Deadline("unknown", None, written)


def _last_day(part: str, default_year: int | None) -> date | None:
    if found := _DAY.match(part):
        return _safe_date(int(found[1]), int(found[2]), int(found[3]))
    if (found := _HALF.match(part)) and (year := _year(found[1], default_year)):
        return date(year, 6, 30) if found[2] == "上" else date(year, 12, 31)
    if (found := _QUARTER.match(part)) and (year := _year(found[1], default_year)):
        quarter = int(found[2]) if found[2].isdigit() else chinese_number(found[2]) or 0
        return _month_end(year, quarter * 3)
    if (found := _MONTH.match(part)) and (found[1] or "月" in part):
        year = _year(found[1], default_year)
        return _month_end(year, int(found[2])) if year is not None else None
    if (found := _YEAR.match(part)) and "年" in part and (year := _year(found[1], default_year)):
        return date(year, 12, 31)
    return None


def _year(written: str | None, default_year: int | None) -> int | None:
    return int(written) if written else default_year


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
