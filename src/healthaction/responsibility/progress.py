"""One measure judged at the end of a round: 未开始 / 推进中 / 已完成 / 滞后 / 逾期, with the reason.

序时进度 (the share of time elapsed) is counted in whole months. 改造农村户厕500座
by December 2021, started January 2021: at the end of June 6 of 12 months have
passed, so 50% is expected; 180 座 done is 36%, behind (滞后). A yearly amount
("每年不少于60场次") runs from January to December of each year; a quarterly one
counts 4 a year. A rate ("普及率达到91.5%") has no path without a baseline: it is
judged against its target once its deadline has passed. A measure with no amount
is judged by its status: still 未开始 when half its time has gone is 滞后.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from healthaction.responsibility.numerals import Number
from healthaction.responsibility.quantities import Quantity
from healthaction.responsibility.rounds import MeasureReport, ProgressRound, TrackedMeasure
from healthaction.responsibility.statuses import ReportedStatus, Verdict, verdict_label

# Status only: a measure still 未开始 once this share of its time has passed is 滞后.
NOT_STARTED_LIMIT: Final = 0.5


@dataclass(frozen=True, slots=True)
class SubTargetProgress:
    """How far one sub-target has come: 180 of 500 座 (36%) where 50% was due."""

    quantity: Quantity
    target: Number  # for the deadline, or for the round's year when recurring
    reported: Number | None
    done_share: float | None  # reported / target, for amounts
    expected_share: float | None  # 序时进度; None for rates and undated work
    met: bool
    behind: bool


@dataclass(frozen=True, slots=True)
class MeasureVerdict:
    measure: TrackedMeasure
    round: ProgressRound
    status: Verdict
    reason: str
    progress: tuple[SubTargetProgress, ...]
    reported_status: ReportedStatus | None
    reported_by: tuple[str, ...]
    missing: tuple[str, ...]  # departments that have not reported on it this round


def judge(
    measure: TrackedMeasure,
    reports: Sequence[MeasureReport],
    *,
    round: ProgressRound,
    on: date,
    earlier: Sequence[MeasureReport] = (),
) -> MeasureVerdict:
    """The verdict on ``measure`` from this round's ``reports`` on it, as seen on day ``on``.

    ``earlier``: reports of the rounds before. Work with a dated deadline that a past round found
    完成 stays 完成 and asks for no further report (改造农村户厕500座 done in 2021全年 is not 逾期
    in 2022上半年); yearly and long-term work starts again each round.
    """
    own = [report for report in reports if report.measure_id == measure.id and report.round == round]
    reported_by = tuple(dict.fromkeys(report.department for report in own))
    reported_status = _combined_status(own)
    if round.ends_on < measure.starts_on:  # a round before the work began: nothing due, nothing to report
        reason = f"{round.name}责任清单工作尚未开始（{_month(measure.starts_on)}起）"
        return MeasureVerdict(measure, round, "not_started", reason, (), reported_status, reported_by, ())
    finished = None if own else _finished_before(measure, earlier, round)
    if finished is not None:
        reason = f"已于{finished.round.name}完成（{finished.reason}）"
        return MeasureVerdict(measure, round, "done", reason, finished.progress, "done", (), ())
    missing = tuple(department for department in measure.departments if department not in reported_by)
    progress = tuple(_progress(measure, index, own, round) for index in range(len(measure.quantities)))
    status, reason = _verdict(measure, progress, reported_status, round=round, on=on)
    return MeasureVerdict(measure, round, status, reason, progress, reported_status, reported_by, missing)


def _finished_before(
    measure: TrackedMeasure, earlier: Sequence[MeasureReport], round: ProgressRound
) -> MeasureVerdict | None:
    """The verdict of the latest earlier round that reported on ``measure``, when it found it done."""
    if measure.deadline.kind != "date":
        return None
    past = [r for r in earlier if r.measure_id == measure.id and r.round.ends_on < round.ends_on]
    if not past:
        return None
    last = max((r.round for r in past), key=lambda r: r.ends_on)
    verdict = judge(measure, past, round=last, on=last.ends_on)
    return verdict if verdict.status == "done" else None


def _combined_status(reports: Sequence[MeasureReport]) -> ReportedStatus | None:
    """Several departments, one measure: done when all say done, not started when none has started."""
    statuses = {report.status for report in reports}
    if not statuses:
        return None
    if statuses == {"done"}:
        return "done"
    if statuses == {"not_started"}:
        return "not_started"
    return "in_progress"


def _progress(
    measure: TrackedMeasure, index: int, reports: Sequence[MeasureReport], round: ProgressRound
) -> SubTargetProgress:
    quantity = measure.quantities[index]
    reported = _reported(measure, index, quantity, reports)
    if quantity.kind == "rate":
        met = reported is not None and _satisfies(reported, quantity)
        return SubTargetProgress(quantity, quantity.value, reported, None, None, met, behind=False)
    target = quantity.per_year if quantity.kind == "recurring" else quantity.value
    expected = _expected_share(measure, quantity, round)
    done = None if reported is None or not target else reported / target
    met = reported is not None and _satisfies(reported, quantity, target)
    behind = (
        quantity.comparator in (">=", ">")
        and expected is not None
        and not met
        and (done or 0.0) < expected - 1e-9
    )
    return SubTargetProgress(quantity, target, reported, done, expected, met, behind)


def _reported(
    measure: TrackedMeasure, index: int, quantity: Quantity, reports: Sequence[MeasureReport]
) -> Number | None:
    """Amounts add up over the departments; a rate is one level for the region: the
    牵头 department's figure, else the first department's in the list's order."""
    figures = [(report.department, report.amounts[index]) for report in reports if index in report.amounts]
    if not figures:
        return None
    if quantity.kind != "rate":
        return sum(value for _, value in figures)
    order = {department: place for place, department in enumerate(measure.departments)}
    return min(figures, key=lambda figure: order.get(figure[0], len(order)))[1]


def _satisfies(value: Number, quantity: Quantity, target: Number | None = None) -> bool:
    bound = quantity.value if target is None else target
    return {
        ">=": value >= bound,
        ">": value > bound,
        "<=": value <= bound,
        "<": value < bound,
    }[quantity.comparator]


def due_date(measure: TrackedMeasure, round: ProgressRound, quantity: Quantity | None = None) -> date | None:
    """The last day for the work judged in ``round``: a sub-target's own year ("到2025年") first."""
    if quantity is not None and quantity.year is not None and quantity.kind != "recurring":
        return date(quantity.year, 12, 31)
    return measure.deadline.due_in(round.year)


def _expected_share(measure: TrackedMeasure, quantity: Quantity, round: ProgressRound) -> float | None:
    if quantity.kind == "recurring":
        start = max(measure.starts_on, date(round.year, 1, 1))
        return elapsed_share(start, round.ends_on, date(round.year, 12, 31))
    due = due_date(measure, round, quantity)
    return None if due is None else elapsed_share(measure.starts_on, round.ends_on, due)


def elapsed_share(start: date, now: date, due: date) -> float:
    """Share of the months from ``start`` to ``due`` gone by the end of ``now``'s month.

    >>> elapsed_share(date(2021, 1, 1), date(2021, 6, 30), date(2021, 12, 31))
    0.5
    """
    total = _months(start, due)
    if total <= 0:
        return 1.0
    return min(1.0, max(0.0, _months(start, now) / total))


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _verdict(
    measure: TrackedMeasure,
    progress: tuple[SubTargetProgress, ...],
    reported_status: ReportedStatus | None,
    *,
    round: ProgressRound,
    on: date,
) -> tuple[Verdict, str]:
    amounts = [one for one in progress if one.reported is not None]
    done = (
        all(one.met for one in progress) if amounts else reported_status == "done"
    ) and reported_status != "not_started"
    facts = "；".join(_fact(one, round) for one in progress) or _status_fact(reported_status, round)
    due = due_date(measure, round)
    if done:
        return "done", f"{facts}，已完成" if progress else f"{round.name}报送已完成"
    if measure.deadline.kind == "date" and due is not None and on > due:
        unmet = [one for one in progress if not one.met]
        plan = "；".join(f"{_plan(measure, one.quantity, round)}，{_fact(one, round)}" for one in unmet)
        plan = plan or f"计划{_month(due)}前完成，{facts}"
        return "overdue", f"{plan}，已超过完成时限{_month(due)}仍未完成"
    behind = [one for one in progress if one.behind]
    if behind:
        worst = min(behind, key=lambda one: (one.done_share or 0.0) - (one.expected_share or 0.0))
        return "behind", _behind_reason(measure, worst, round)
    not_started = reported_status in (None, "not_started")
    if not_started and not amounts and measure.deadline.kind in ("date", "yearly"):
        share = elapsed_share(measure.starts_on, round.ends_on, due) if due else 0.0
        if share >= NOT_STARTED_LIMIT:
            return "behind", f"{facts}，时间已过{share:.0%}（序时进度）仍未开始"
    if reported_status is None:
        return "not_started", facts
    return reported_status, facts


def _behind_reason(measure: TrackedMeasure, one: SubTargetProgress, round: ProgressRound) -> str:
    """计划2021年12月前改造农村户厕500座，截至2021年上半年完成180座，完成36%，低于序时进度50%"""
    quantity = one.quantity
    done = one.done_share or 0.0
    expected = one.expected_share or 0.0
    reported = f"{_number(one.reported or 0)}{quantity.unit}"
    return (
        f"{_plan(measure, quantity, round)}，截至{round.name}完成{reported}，"
        f"完成{done:.0%}，低于序时进度{expected:.0%}"
    )


def _plan(measure: TrackedMeasure, quantity: Quantity, round: ProgressRound) -> str:
    if quantity.kind == "recurring" and quantity.period is not None:
        yearly = f"（{round.year}年共{_number(quantity.per_year)}{quantity.unit}）"
        return f"计划{quantity.label}{yearly if quantity.period != 'year' else ''}"
    due = due_date(measure, round, quantity)
    return f"计划{_month(due)}前{quantity.label}" if due else f"计划{quantity.label}"


def _fact(one: SubTargetProgress, round: ProgressRound) -> str:
    quantity = one.quantity
    if one.reported is None:
        return f"{quantity.subject or quantity.label}截至{round.name}未报数量"
    if quantity.kind == "rate":
        return f"{quantity.subject}截至{round.name}为{_number(one.reported)}{quantity.unit}"
    share = f"，完成{one.done_share:.0%}" if one.done_share is not None else ""
    return f"截至{round.name}完成{_number(one.reported)}{quantity.unit}{share}"


def _status_fact(reported_status: ReportedStatus | None, round: ProgressRound) -> str:
    if reported_status is None:
        return f"{round.name}无部门报送进展"
    return f"{round.name}报送状态为{verdict_label(reported_status)}"


def _month(day: date | None) -> str:
    return f"{day.year}年{day.month}月" if day else ""


def _number(value: Number) -> str:
    """180 → "180", 91.50 → "91.5", 2.0 → "2"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) else str(value)
