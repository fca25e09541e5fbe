"""What a report says, as typed data: one region's series at the year, its actions, the ranking and 复核.

Built from a plan and the engine's results by ``healthaction.reports.collect``; the drafting
and the writers read only this, so the web system can build it from its own tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from healthaction.engine import statuses

Kind = Literal["action", "overall", "assessment"]
KINDS: tuple[Kind, ...] = ("action", "overall", "assessment")
KIND_NAMES: dict[Kind, str] = {
    "action": "专项行动实施进展专题报告",
    "overall": "总体监测评估报告",
    "assessment": "考核结果通报",
}


@dataclass(frozen=True)
class Milestone:
    """A target as the plan writes it (before the engine's strict → inclusive shift)."""

    year: int
    comparator: str
    value: float | None


@dataclass(frozen=True)
class IndicatorResult:
    """One series (region, indicator) at the report year, with last year's result beside it."""

    indicator: str
    unit: str | None
    status: str  # engine code: ACHIEVED ON_TRACK LAGGING OFF_TRACK NO_DATA
    shown: str  # as a report counts it (statuses.SHOWN): the engine code, or MISSED (OFF_TRACK past its year)
    value: float | None
    value_year: int | None
    baseline: float | None
    baseline_year: int | None
    target: Milestone | None  # the active milestone, as written
    expected: float | None
    ratio: float | None
    score_fraction: float | None
    flags: tuple[str, ...]
    explanation: str
    in_framework: bool = False
    previous_value: float | None = None
    previous_shown: str | None = None  # last year's, as ``shown``
    history: tuple[tuple[int, float], ...] = ()
    milestones: tuple[Milestone, ...] = ()

    @property
    def label(self) -> str:
        """已达标 进度正常 进度滞后 严重滞后 未达标 无数据: the word, for text; code compares ``shown``."""
        return statuses.label(self.shown)

    @property
    def previous_label(self) -> str | None:
        return None if self.previous_shown is None else statuses.label(self.previous_shown)


@dataclass(frozen=True)
class ActionResult:
    """A 专项行动 and the series of its targets (in the plan's order)."""

    seq: int
    name: str
    lead_departments: tuple[str, ...]
    cooperating_departments: tuple[str, ...]
    indicators: tuple[IndicatorResult, ...]


@dataclass(frozen=True)
class RegionScore:
    """One region's 考核 result, with last year's final score and rank when known."""

    region: str
    parent: str | None
    score: float
    bonus: float
    deduction: float
    final: float
    grade: str
    rank: int
    vetoed: bool
    achieved: int  # indicator items achieved
    assessed: int  # indicator items assessed (组织实施 items are counted apart)
    previous_final: float | None = None
    previous_rank: int | None = None
    organisation: int = 0  # 组织实施 items scored by the office
    organisation_points: float | None = None  # their points together


@dataclass(frozen=True)
class Adjustment:
    """A bonus, deduction or 一票否决 recorded in 复核, with its reason."""

    region: str
    kind: Literal["bonus", "deduction", "veto"]
    points: float | None
    reason: str


@dataclass(frozen=True)
class ReviewedValue:
    """A reported value replaced in 复核 by a reviewed one; both are shown."""

    region: str
    indicator: str
    reported: float | None
    reviewed: float | None
    reason: str


@dataclass(frozen=True)
class WorkDone:
    """工作开展情况: the 责任清单's measures in the latest half-year round, and the 组织实施 items the
    office scored in the latest published 考核."""

    round: str = ""  # 2021年下半年
    measures: int = 0
    statuses: tuple[tuple[str, int], ...] = ()  # verdict codes: (done, 12), (in_progress, 30), (behind, 3) …
    behind: tuple[str, ...] = ()  # 措施3.2（区卫健局）: lagging or overdue, with the lead department
    organisation: tuple[tuple[str, float, float, str], ...] = ()  # (item, points given, max, reason)
    assessment: str = ""  # 白银市2022年度考核 — where the 组织实施 points come from


@dataclass(frozen=True)
class SchemeTerms:
    """The 考核方案 a 通报 states: items and their points, how a score is computed, the grade bands."""

    title: str
    indicator_items: int
    indicator_points: float
    organisation_items: int
    organisation_points: float
    grade_bands: tuple[tuple[float, str], ...]  # (floor, name), highest first
    lowest_grade: str
    bonus_cap: float | None
    rules: tuple[str, ...]  # the scoring rules the scores were computed with, as the engine words them
    is_trial: bool = False


@dataclass(frozen=True)
class ItemScore:
    """One region's score on one 考核 item (an indicator or a 组织实施 item)."""

    region: str
    item: str
    kind: Literal["indicator", "organisation"]
    weight: float
    points: float | None
    label: str


@dataclass(frozen=True)
class ReportData:
    kind: Kind
    year: int
    region: str
    campaign: str  # 健康平川行动
    issuer: str  # 健康平川行动推进委员会办公室
    date: dt.date
    indicators: tuple[IndicatorResult, ...]  # the region's series: framework first, then actions'
    actions: tuple[ActionResult, ...]
    action: ActionResult | None = None  # the one action of an `action` report
    scores: tuple[RegionScore, ...] = ()  # the ranked group, by rank
    adjustments: tuple[Adjustment, ...] = ()
    reviews: tuple[ReviewedValue, ...] = ()
    has_previous: bool = False
    copy_to: tuple[str, ...] = field(default=())  # 抄送
    # A region without a plan of its own reports its area: one part per subordinate region (each an
    # ``overall`` ReportData of that region), and ``basis`` says plainly what the report draws on (for a
    # 考核结果通报 of a region without a plan: the 考核方案 it cites).
    basis: str | None = None
    parts: tuple[ReportData, ...] = ()
    # 数据质量说明: values or unit labels the report flags instead of using silently.
    quality: tuple[str, ...] = ()
    demo: bool = False  # built from 演示数据: every page's header says so
    scheme: SchemeTerms | None = None  # the 通报's 考核方案, when known
    plan_title: str | None = None  # the document the report cites: 《健康张掖行动组织实施和考核方案》
    work: WorkDone | None = None  # the 监测评估报告's 工作开展情况, when the database holds it
    item_scores: tuple[ItemScore, ...] = ()  # the 通报's annex: every region's score on every item
    bonus_claimed: tuple[tuple[str, float], ...] = ()  # (region, 加分 before the cap), when it was capped

    @property
    def title(self) -> str:
        if self.kind == "assessment":
            return f"关于{self.region}{self.year}年度{self.campaign}考核结果的通报"
        if self.kind == "action" and self.action is not None:
            return f"{self.region}{self.year}年{self.action.name}实施进展专题报告"
        return f"{self.region}{self.year}年{self.campaign}总体监测评估报告"
