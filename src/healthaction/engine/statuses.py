"""The one registry of a series' statuses: code, Chinese label, English label, colour and urgency.

Code compares codes (`ACHIEVED` …), never labels; every page, chart, CSV and report takes the words and
colours from here. 严重滞后 reads 未达标 once the target year has come (evaluation.md §2): `MISSED` is that
word, shown for `OFF_TRACK` with the `missed` flag.

>>> label("OFF_TRACK"), label("OFF_TRACK", missed=True), label("MISSED"), label("unknown")
('严重滞后', '未达标', '未达标', 'unknown')
>>> shown("OFF_TRACK", missed=True), shown("LAGGING", missed=True)
('MISSED', 'LAGGING')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    code: str
    label: str  # Chinese: the documents' word
    label_en: str
    colour: str  # charts and the reports' symbols
    css: str  # the pages' class
    urgency: int  # 0 first: what an office looks at before anything else


STATUSES: tuple[Status, ...] = (
    Status("ACHIEVED", "已达标", "achieved", "#2e7d32", "ok", 4),
    Status("ON_TRACK", "进度正常", "on track", "#81c784", "good", 3),
    Status("LAGGING", "进度滞后", "lagging", "#f9a825", "warn", 1),
    Status("OFF_TRACK", "严重滞后", "off track", "#e65100", "bad", 0),
    Status("NO_DATA", "无数据", "no data", "#9e9e9e", "none", 2),
)
# Not an engine code: OFF_TRACK with the `missed` flag, as the documents and the terminal count it apart.
MISSED = Status("MISSED", "未达标", "missed", "#c62828", "bad", 0)
# The statuses as a report or a summary counts them, in that order.
SHOWN: tuple[Status, ...] = (*STATUSES[:4], MISSED, STATUSES[4])

# The reports' groups, as SHOWN codes: on the way (good) and behind it.
GOOD: tuple[str, ...] = ("ACHIEVED", "ON_TRACK")
BEHIND: tuple[str, ...] = ("LAGGING", "OFF_TRACK", "MISSED")

CODES: tuple[str, ...] = tuple(s.code for s in STATUSES)
BY_CODE: dict[str, Status] = {s.code: s for s in STATUSES}
LABELS: dict[str, str] = {s.code: s.label for s in STATUSES}
_SHOWN: dict[str, Status] = {s.code: s for s in SHOWN}


def shown(code: str, *, missed: bool = False) -> str:
    """The code a series is counted under in a report: MISSED for OFF_TRACK once its target year has come."""
    return MISSED.code if missed and code == "OFF_TRACK" else code


def label(code: str, *, missed: bool = False) -> str:
    """The Chinese word for a code (MISSED included); an unknown code is shown as it is rather than hidden."""
    status = _SHOWN.get(shown(code, missed=missed))
    return status.label if status else code
