"""The one table of 责任清单 words: a measure's verdict, a department's reported status, a 整改 item's state.

Code compares the codes (``behind`` …), never the Chinese: the pages, the 督导通报, the reports and the
reminders take the words and the pages' classes from here, when they write text. A department reports
one of the first three verdicts; supervision adds 滞后 and 逾期 from the amounts and the time gone.

>>> verdict_label("behind"), rectification_label("overdue"), verdict_label("unknown")
('滞后', '逾期未整改', 'unknown')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Verdict = Literal["not_started", "in_progress", "done", "behind", "overdue"]
ReportedStatus = Literal["not_started", "in_progress", "done"]
RectificationState = Literal["open", "closed", "overdue"]


@dataclass(frozen=True, slots=True)
class Word:
    code: str
    label: str  # Chinese: the record's and the documents' word
    css: str  # the pages' class ("" for none)


# Worst first: a task shows the worst verdict of its measures, the 督导通报 counts them in the order below.
VERDICTS: Final[tuple[Word, ...]] = (
    Word("overdue", "逾期", "bad"),
    Word("behind", "滞后", "warn"),
    Word("not_started", "未开始", ""),
    Word("in_progress", "推进中", ""),
    Word("done", "已完成", "ok"),
)
# What a department may report, in the order its form offers them.
REPORTED_STATUSES: Final[tuple[ReportedStatus, ...]] = ("not_started", "in_progress", "done")
# Counted and printed in this order by the 督导通报 and the reports: done first, overdue last.
VERDICTS_AS_COUNTED: Final[tuple[Verdict, ...]] = ("done", "in_progress", "not_started", "behind", "overdue")
# A measure behind in either way: the office's lists, the leaders' reasons, 整改 left open.
BEHIND: Final[frozenset[str]] = frozenset({"behind", "overdue"})
RECTIFICATION_STATES: Final[tuple[Word, ...]] = (
    Word("open", "整改中", ""),
    Word("closed", "已整改", "ok"),
    Word("overdue", "逾期未整改", "bad"),
)

SEVERITY: Final[dict[str, int]] = {word.code: place for place, word in enumerate(VERDICTS)}
_VERDICTS: Final[dict[str, Word]] = {word.code: word for word in VERDICTS}
_RECTIFICATION: Final[dict[str, Word]] = {word.code: word for word in RECTIFICATION_STATES}


def verdict_label(code: str) -> str:
    """The Chinese word for a verdict or a reported status; an unknown code is shown as it is."""
    word = _VERDICTS.get(code)
    return word.label if word else code


def verdict_code(text: str) -> str:
    """A verdict's code from its code or its Chinese word (a link or bookmark from before the codes,
    ``?status=滞后``); anything else is returned as it is.

    >>> verdict_code("滞后"), verdict_code("behind"), verdict_code("其他")
    ('behind', 'behind', '其他')
    """
    text = text.strip()
    return next((word.code for word in VERDICTS if text in (word.code, word.label)), text)


def verdict_css(code: str) -> str:
    word = _VERDICTS.get(code)
    return word.css if word else ""


def rectification_label(code: str) -> str:
    word = _RECTIFICATION.get(code)
    return word.label if word else code


def rectification_css(code: str) -> str:
    word = _RECTIFICATION.get(code)
    return word.css if word else ""
