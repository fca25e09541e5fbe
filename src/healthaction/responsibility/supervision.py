"""The office's lists for one round: 滞后 and 逾期 measures, 逾期未报 departments, 约谈, 整改.

``supervise`` judges every measure from the round's reports. A department is behind
in a round when it leads a measure that is 滞后 or 逾期, or has not reported once the
round has closed (逾期未报); behind in two consecutive rounds, it is proposed for 约谈.
Each finding becomes a 整改 item with an owner and a due date, closed when a later
round finds the measure back on track or the report in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from healthaction.responsibility.progress import MeasureVerdict, judge
from healthaction.responsibility.rounds import MeasureReport, ProgressRound, TrackedMeasure
from healthaction.responsibility.statuses import BEHIND, RectificationState, verdict_label


@dataclass(frozen=True, slots=True)
class MissingReport:
    """A department that has not reported on some of its measures this round."""

    department: str
    measure_ids: tuple[str, ...]
    late: bool  # the round has closed: 逾期未报
    reason: str


@dataclass(frozen=True, slots=True)
class Supervision:
    round: ProgressRound
    on: date
    verdicts: tuple[MeasureVerdict, ...]
    missing_reports: tuple[MissingReport, ...]

    @property
    def lagging(self) -> list[MeasureVerdict]:
        return [verdict for verdict in self.verdicts if verdict.status == "behind"]

    @property
    def overdue(self) -> list[MeasureVerdict]:
        return [verdict for verdict in self.verdicts if verdict.status == "overdue"]

    @property
    def late_reports(self) -> list[MissingReport]:
        return [missing for missing in self.missing_reports if missing.late]

    def by_department(self) -> dict[str, list[MeasureVerdict]]:
        """Lagging and overdue measures under each 牵头部门 that leads them."""
        grouped: dict[str, list[MeasureVerdict]] = {}
        for verdict in self.lagging + self.overdue:
            for department in verdict.measure.lead_departments:
                grouped.setdefault(department, []).append(verdict)
        return grouped

    def by_leader(self) -> dict[str, list[MeasureVerdict]]:
        """Lagging and overdue measures under each 包抓 or 牵头 leader."""
        grouped: dict[str, list[MeasureVerdict]] = {}
        for verdict in self.lagging + self.overdue:
            for leader in verdict.measure.leaders:
                grouped.setdefault(leader, []).append(verdict)
        return grouped

    def departments_behind(self) -> dict[str, list[str]]:
        """Each department behind this round, with its findings in Chinese."""
        findings: dict[str, list[str]] = {}
        for department, verdicts in self.by_department().items():
            for verdict in verdicts:
                finding = f"措施{verdict.measure.id}{verdict_label(verdict.status)}"
                findings.setdefault(department, []).append(finding)
        for missing in self.late_reports:
            findings.setdefault(missing.department, []).append(f"{len(missing.measure_ids)}项措施逾期未报")
        return findings


@dataclass(frozen=True, slots=True)
class InterviewProposal:
    """A department proposed for 约谈: behind in two consecutive rounds."""

    department: str
    rounds: tuple[ProgressRound, ProgressRound]
    reason: str


@dataclass(frozen=True, slots=True)
class RectificationItem:
    """A 整改 item: what a department must put right, by when, and when it was closed."""

    department: str
    issue: str
    raised_in: ProgressRound
    due: date
    measure_id: str | None = None  # None: the department's missing reports
    closed_on: date | None = None

    def state(self, on: date) -> RectificationState:
        if self.closed_on is not None:
            return "closed"
        return "overdue" if on > self.due else "open"


def supervise(
    measures: Sequence[TrackedMeasure],
    reports: Sequence[MeasureReport],
    *,
    round: ProgressRound,
    on: date,
    closes_on: date | None = None,
) -> Supervision:
    """Judge every measure for ``round`` as seen on day ``on``.

    ``closes_on`` is the last day to report (the round's end if not given): a department
    still silent after it is 逾期未报, before it only 未报. A round that ended before a measure's
    work began (2020年全年 for a list started in 2021) expects no report on it.
    """
    known = {measure.id: measure for measure in measures}
    for report in reports:
        measure = known.get(report.measure_id)
        if measure is None:
            raise ValueError(f"{report.department}的进展报告对应的措施“{report.measure_id}”不在责任清单中")
        if report.department not in measure.departments:
            raise ValueError(f"{report.department}不是措施{measure.id}的牵头或责任部门，不能报送其进展")
    this_round = [report for report in reports if report.round == round]
    earlier: dict[str, list[MeasureReport]] = {}  # measure → its reports of the rounds before
    for report in reports:
        if report.round.ends_on < round.ends_on:
            earlier.setdefault(report.measure_id, []).append(report)
    verdicts = tuple(
        judge(measure, this_round, round=round, on=on, earlier=earlier.get(measure.id, ()))
        for measure in measures
    )
    late = on > (closes_on or round.ends_on)
    return Supervision(round, on, verdicts, _missing(verdicts, round, late=late))


def _missing(
    verdicts: Sequence[MeasureVerdict], round: ProgressRound, *, late: bool
) -> tuple[MissingReport, ...]:
    silent: dict[str, list[str]] = {}
    for verdict in verdicts:
        for department in verdict.missing:
            silent.setdefault(department, []).append(verdict.measure.id)
    word = "逾期未报" if late else "尚未报送"
    return tuple(
        MissingReport(
            department,
            tuple(ids),
            late,
            f"{department}{round.name}有{len(ids)}项措施{word}（措施{'、'.join(ids)}）",
        )
        for department, ids in silent.items()
    )


def propose_interviews(current: Supervision, previous: Supervision) -> list[InterviewProposal]:
    """Departments behind in ``previous`` and again in ``current``, the round after it (约谈)."""
    if previous.round != current.round.previous:
        raise ValueError(f"{previous.round.name}与{current.round.name}不是相邻的两轮，无法判断连续滞后")
    before, now = previous.departments_behind(), current.departments_behind()
    rounds = (previous.round, current.round)
    return [
        InterviewProposal(
            department,
            rounds,
            f"{department}连续两轮进度滞后：{previous.round.name}{'、'.join(before[department])}；"
            f"{current.round.name}{'、'.join(findings)}",
        )
        for department, findings in now.items()
        if department in before
    ]


def rectifications_raise(supervision: Supervision, *, due: date) -> list[RectificationItem]:
    """One 整改 item per lead department of each lagging or overdue measure, and one per
    department that has not reported once the round closed."""
    items = [
        RectificationItem(department, verdict.reason, supervision.round, due, measure_id=verdict.measure.id)
        for verdict in supervision.lagging + supervision.overdue
        for department in verdict.measure.lead_departments
    ]
    items += [
        RectificationItem(missing.department, missing.reason, supervision.round, due)
        for missing in supervision.late_reports
    ]
    return items


def rectifications_follow_up(
    items: Sequence[RectificationItem], supervision: Supervision
) -> list[RectificationItem]:
    """Close the open items that a later round finds put right, on that round's day."""
    status = {verdict.measure.id: verdict.status for verdict in supervision.verdicts}
    silent = {missing.department for missing in supervision.late_reports}
    followed: list[RectificationItem] = []
    for item in items:
        if item.closed_on is None and supervision.round > item.raised_in:
            if item.measure_id is not None:
                settled = status.get(item.measure_id) not in BEHIND
            else:
                settled = item.department not in silent
            if settled:
                item = replace(item, closed_on=supervision.on)
        followed.append(item)
    return followed
