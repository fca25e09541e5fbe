"""The shape of a 考核 result: what ``assessment_compute`` returns and a published version stores as JSON
(read back as it was frozen then: a key added later is missing from older versions)."""

from __future__ import annotations

from typing import NotRequired, TypedDict

from web.assessment.models import GradeBandRow


class SchemeSummary(TypedDict):
    region: str
    region_name: str
    year: int
    title: str
    is_trial: bool
    grade_bands: list[GradeBandRow]
    lowest_grade: str
    bonus_cap: float
    tie_break: str


class EngineSeries(TypedDict):
    """What a published snapshot keeps of the engine's judgement of a series: its columns past the
    (region, indicator, year) key, with the label, scoring mode and explanation."""

    status: str
    value: float | None
    value_year: int | None
    baseline: float | None
    baseline_year: int | None
    target_year: int | None
    comparator: str | None
    target: float | None
    expected: float | None
    ratio: float | None
    score_fraction: float | None
    weight: float | None
    flags: str | None
    label: str
    mode: str | None
    explanation: str


class SeriesEntry(EngineSeries):
    """One region's item: an indicator (``item`` its id) or a 组织实施 item (``org:<id>``), what the
    trace page and the 通报 show of it. A snapshot published before ``given`` existed lacks it."""

    region: str
    region_name: str
    item: str
    points: float | None  # in the item's own 分值, to the cent
    kind: str  # "indicator" | "organisation"
    name: str
    unit: str
    reported: float | None
    reviewed: float | None
    review_reason: str
    given: NotRequired[bool]  # 组织实施: the office has scored it
    is_reviewed: NotRequired[bool]  # indicator: a 复核 value replaced the reported one
    rule: NotRequired[str]  # set last, from the rest (explain.rule_text)


class AdjustmentEntry(TypedDict):
    kind: str
    label: str
    points: float | None
    reason: str


class ScoreRow(TypedDict):
    """One region's result, in rank order: the engine's scores, its items counted, grade after quota."""

    region: str
    region_name: str
    score: float | None
    bonus: float | None
    deduction: float | None
    final: float | None
    rank: int | None
    vetoed: bool | None
    achieved: int
    assessed: int
    organisation: int
    organisation_points: float | None
    grade: str
    adjustments: list[AdjustmentEntry]
    quota_note: str


class Outcome(TypedDict):
    """A computation's result, stored as JSON when published (and read back as it was frozen then).

    ``series``: one entry per region and item (see `_series_entries`); ``scores``: one row per region
    in rank order (see `_score_rows`)."""

    scheme: SchemeSummary
    series: list[SeriesEntry]
    scores: list[ScoreRow]
