"""考核 after the score: grades by band, the quota on the top grade, an item's points, items counted apart.

A scheme's grade bands are floors (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60); below the last band, and for a
vetoed region, the scheme's lowest grade. A quota keeps at most ``percent`` % of the regions (rounded
down) in its grade; the rest, in rank order, move one grade down, and regions tied at the limit move
together — no region is ranked out of a grade by the order of a tie.

>>> bands = [GradeBand(90, "优秀"), GradeBand(80, "良好"), GradeBand(60, "合格")]
>>> [grade_of(bands, "不合格", final, vetoed=False) for final in (90.0, 89.99, 60.0, 59.99, None)]
['优秀', '良好', '合格', '不合格', '不合格']
>>> grade_of(bands, "不合格", 99.0, vetoed=True)
'不合格'
>>> item_points(0.5, 4.0), item_points(1 / 3, 10.0), item_points(None, 4.0)
(2.0, 3.33, None)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypedDict


@dataclass(frozen=True)
class GradeBand:
    floor: float  # the lowest final score of the grade
    name: str


class ItemCounts(TypedDict):
    achieved: int
    assessed: int
    organisation: int
    organisation_points: float | None


def bands_from(rows: Iterable[Mapping[str, Any]]) -> list[GradeBand]:
    """A scheme's stored bands (``{"floor": 90, "name": "优秀"}``), highest floor first."""
    bands = [GradeBand(float(Decimal(str(row["floor"]))), str(row["name"])) for row in rows]
    return sorted(bands, key=lambda band: band.floor, reverse=True)


def grade_of(bands: Sequence[GradeBand], lowest: str, final: float | None, *, vetoed: bool) -> str:
    """The grade of a rounded final score; a veto or no score gives the lowest grade."""
    if vetoed or final is None:
        return lowest
    points = Decimal(str(final))
    for band in sorted(bands, key=lambda b: b.floor, reverse=True):
        if points >= Decimal(str(band.floor)):
            return band.name
    return lowest


def grade_below(names: Sequence[str], grade: str) -> str:
    """The next grade down; the lowest for a grade that is last or unknown."""
    return names[names.index(grade) + 1] if grade in names[:-1] else names[-1]


def apply_quota(
    scores: Sequence[MutableMapping[str, Any]], *, grade: str, percent: Decimal | None, names: Sequence[str]
) -> int | None:
    """Move the regions beyond the quota of ``grade`` one grade down (in place); returns how many may
    keep it, or None when the scheme has no quota. ``names`` are the grades from the top, lowest last.

    >>> rows = [{"rank": 1, "grade": "优秀"}, {"rank": 2, "grade": "优秀"}, {"rank": 2, "grade": "优秀"},
    ...         {"rank": 4, "grade": "良好"}]
    >>> apply_quota(rows, grade="优秀", percent=Decimal(50), names=["优秀", "良好", "合格", "不合格"])
    2
    >>> [row["grade"] for row in rows]  # the two tied at the limit move down together
    ['优秀', '良好', '良好', '良好']
    """
    if percent is None or not grade or not scores:
        return None
    allowed = int(Decimal(len(scores)) * percent / 100)
    holders = sorted((s for s in scores if s.get("grade") == grade), key=lambda s: _rank(s.get("rank")))
    lower = grade_below(names, grade)
    for position, row in enumerate(holders):
        tied_or_before = sum(1 for h in holders if _rank(h.get("rank")) <= _rank(row.get("rank")))
        if position >= allowed or tied_or_before > allowed:
            row["grade"] = lower
            row["quota_note"] = f"{grade}等次限额{percent.normalize():f}%（{allowed}个），调整为{lower}"
    return allowed


def _rank(rank: int | None) -> int:
    return rank if rank is not None else 10**6


def item_points(fraction: float | None, weight: float | None) -> float | None:
    """The points an item contributes in its own 分值, to the cent (display; the score is the engine's)."""
    if fraction is None or weight is None:
        return None
    return float((Decimal(str(fraction)) * Decimal(str(weight))).quantize(Decimal("0.01"), ROUND_HALF_UP))


def item_counts(series: Iterable[Mapping[str, Any]]) -> dict[str, ItemCounts]:
    """Per region: indicator items assessed and achieved, 组织实施 items and their points — counted apart.

    The engine counts every series it scores, and the 组织实施 items enter it as series; a 通报 that
    said 考核指标29项 for 26 indicators and 3 organisation items would be wrong, so they are told apart
    here. The entry for region "" is the empty count.

    >>> counts = item_counts([
    ...     {"region": "A", "kind": "indicator", "status": "ACHIEVED"},
    ...     {"region": "A", "kind": "indicator", "status": "LAGGING"},
    ...     {"region": "A", "kind": "organisation", "points": 3.0, "given": True},
    ...     {"region": "A", "kind": "organisation", "points": 0.0, "given": False},
    ... ])
    >>> counts["A"]
    {'achieved': 1, 'assessed': 2, 'organisation': 2, 'organisation_points': 3.0}
    """
    empty: ItemCounts = {"achieved": 0, "assessed": 0, "organisation": 0, "organisation_points": None}
    counts: dict[str, ItemCounts] = {"": empty}
    for entry in series:
        row = counts.setdefault(entry["region"], ItemCounts(**empty))
        if entry.get("kind") == "organisation":
            row["organisation"] += 1
            # points only for items the office scored (a snapshot before "given" says so in its explanation)
            if entry.get("given", "尚未评分" not in entry.get("explanation", "")):
                before = row["organisation_points"] or 0.0
                row["organisation_points"] = round(before + (entry.get("points") or 0.0), 2)
        else:
            row["assessed"] += 1
            row["achieved"] += entry.get("status") == "ACHIEVED"
    return counts
