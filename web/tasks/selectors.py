"""Reads: a region's tasks, filtered; the core's view of them (tracked measures, reports) and
its supervision of a round."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from healthaction.plan import PlanTask
from healthaction.responsibility import (
    SEVERITY,
    InterviewProposal,
    MeasureReport,
    MeasureVerdict,
    Number,
    ProgressRound,
    Supervision,
    TrackedMeasure,
    Verdict,
    propose_interviews,
    supervise,
    tracked_measures,
)
from web.organisation.models import Department, Holding
from web.regions.models import Region
from web.tasks.models import LeaderAccount, Measure, ProgressReport, Task, TaskDepartment, TaskLeader

# Days after a round's end that departments have to send their reports.
REPORT_GRACE_DAYS: int = getattr(settings, "TASKS_REPORT_GRACE_DAYS", 15)


def tasks_for_region(
    region: Region, *, program: str = "", department: Department | None = None
) -> QuerySet[Task]:
    tasks = Task.objects.filter(region=region).prefetch_related(
        "department_roles__department",
        "leaders__position",
        Prefetch("measures", queryset=Measure.objects.prefetch_related("sub_targets")),
    )
    if program:
        tasks = tasks.filter(program=program)
    if department is not None:
        tasks = tasks.filter(department_roles__department=department).distinct()
    return tasks.select_related("action", "document").order_by("document_id", "position")


def programs_in(region: Region) -> list[str]:
    names = Task.objects.filter(region=region).exclude(program="").values_list("program", flat=True)
    return list(dict.fromkeys(names.order_by("document_id", "position")))


def departments_with_tasks(region: Region) -> QuerySet[Department]:
    return Department.objects.filter(task_roles__task__region=region).distinct().order_by("name")


def department_name(role: TaskDepartment) -> str:
    """What the core calls a department: the registry's name, else the words of the list."""
    return role.department.name if role.department else role.written_as


def plan_task(task: Task, day: datetime.date | None = None) -> PlanTask:
    """The task as the core reads it, leaders named by who holds their seat on ``day``."""
    day = day or timezone.localdate()
    roles = list(task.department_roles.all())
    leaders = list(task.leaders.all())
    return PlanTask(
        seq=task.seq,
        program=task.program or None,
        task=task.name,
        measures=[m.text for m in task.measures.all()],
        responsible_leaders=[one.holder_name(day) for one in leaders if one.role == one.Role.RESPONSIBLE],
        lead_leaders=[one.holder_name(day) for one in leaders if one.role == one.Role.LEAD],
        lead_departments=[department_name(r) for r in roles if r.role == r.Role.LEAD],
        responsible_departments=[department_name(r) for r in roles if r.role == r.Role.RESPONSIBLE],
        deadline=task.deadline_text or None,
    )


def work_starts_on(tasks: list[Task]) -> datetime.date:
    """When the list's work began: its issue date, else 1 January of its first due year."""
    issued = [t.document.issued_on for t in tasks if t.document is not None and t.document.issued_on]
    if issued:
        return min(issued)
    years = [t.due_on.year for t in tasks if t.due_on is not None]
    return datetime.date(min(years) if years else timezone.localdate().year, 1, 1)


@dataclass(frozen=True)
class Tracked:
    """A region's tasks as the core sees them, with the way back to the rows."""

    tasks: list[Task]
    measures: list[TrackedMeasure]
    rows: dict[str, Measure]  # core measure id → Measure

    def measure_for(self, verdict: MeasureVerdict) -> Measure:
        return self.rows[verdict.measure.id]


def evidence_by_measure(tracked: Tracked, round_code: str) -> dict[str, list[ProgressReport]]:
    """The round's progress reports that carry 佐证材料, by the measure's number in the list (1.2), so
    that the 督导 tables link each lagging or overdue measure to what its departments uploaded."""
    ids = {measure.pk: number for number, measure in tracked.rows.items()}
    found: dict[str, list[ProgressReport]] = {}
    reports = (
        ProgressReport.objects.filter(measure_id__in=list(ids), round=round_code)
        .exclude(evidence="")
        .select_related("department")
        .order_by("department__name")
    )
    for report in reports:
        found.setdefault(ids[report.measure_id], []).append(report)
    return found


def tracked_for_region(region: Region) -> Tracked:
    tasks = list(tasks_for_region(region))
    core = tracked_measures([plan_task(t) for t in tasks], starts_on=work_starts_on(tasks))
    rows: dict[str, Measure] = {}
    for number, task in enumerate(tasks, start=1):
        for measure in task.measures.all():
            rows[f"{number}.{measure.seq}"] = measure
    return Tracked(tasks, core, rows)


def core_reports(tracked: Tracked) -> list[MeasureReport]:
    """The reports of the departments each measure names today. A department taken off a task after
    it reported keeps its report in the database, but no longer counts (the core refuses reports of
    departments a measure does not name, and the task's pages must render)."""
    ids = {measure.pk: code for code, measure in tracked.rows.items()}
    named = {m.id: set(m.departments) for m in tracked.measures}
    reports = [
        report
        for report in ProgressReport.objects.filter(measure_id__in=ids).select_related("department")
        if report.department.name in named.get(ids[report.measure_id], set())
    ]
    return [
        MeasureReport(
            measure_id=ids[report.measure_id],
            round=ProgressRound.parse(report.round),
            department=report.department.name,
            status=report.status,  # type: ignore[arg-type]  # one of the three choices
            amounts={int(k): _number(v) for k, v in report.amounts.items()},
            text=report.text,
        )
        for report in reports
    ]


def _number(text: str) -> Number:
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)


def round_closes_on(round: ProgressRound) -> datetime.date:
    return round.ends_on + datetime.timedelta(days=REPORT_GRACE_DAYS)


def judged_on(round: ProgressRound, today: datetime.date | None = None) -> datetime.date:
    """The day a round is judged: today while it runs, else the day after reports closed — a
    past round is seen as it stood then, not with every later deadline passed."""
    today = today or timezone.localdate()
    return min(today, round_closes_on(round) + datetime.timedelta(days=1))


def running_round(today: datetime.date | None = None) -> ProgressRound:
    """The half-year under way today: in December 2026, 2026H2 (2026年全年), which ends on 31 December."""
    today = today or timezone.localdate()
    return ProgressRound(today.year, 1 if today.month <= 6 else 2)


def rounds_in(region: Region, today: datetime.date | None = None) -> list[ProgressRound]:
    """The rounds that have reports, and the one running now, newest first."""
    codes = ProgressReport.objects.filter(measure__task__region=region).values_list("round", flat=True)
    found = {ProgressRound.parse(code) for code in codes}
    found.add(running_round(today))
    return sorted(found, reverse=True)


def default_round(region: Region, today: datetime.date | None = None) -> ProgressRound:
    rounds = rounds_in(region, today)
    reported = [
        r
        for r in rounds
        if ProgressReport.objects.filter(measure__task__region=region, round=r.code).exists()
    ]
    return reported[0] if reported else rounds[0]


@dataclass(frozen=True)
class SupervisionView:
    tracked: Tracked
    supervision: Supervision
    previous: Supervision
    interviews: list[InterviewProposal]


def supervision_for(
    region: Region, round: ProgressRound, today: datetime.date | None = None
) -> SupervisionView:
    tracked = tracked_for_region(region)
    reports = core_reports(tracked)

    def one(r: ProgressRound) -> Supervision:
        return supervise(
            tracked.measures, reports, round=r, on=judged_on(r, today), closes_on=round_closes_on(r)
        )

    current, previous = one(round), one(round.previous)
    return SupervisionView(tracked, current, previous, propose_interviews(current, previous))


def measures_for_department(region: Region, department: Department) -> list[Measure]:
    return list(
        Measure.objects.filter(task__region=region, task__department_roles__department=department)
        .distinct()
        .select_related("task")
        .prefetch_related("sub_targets", "task__department_roles__department")
        .order_by("task__document_id", "task__position", "seq")
    )


def reports_of(department: Department, round: str) -> dict[int, ProgressReport]:
    return {r.measure_id: r for r in ProgressReport.objects.filter(department=department, round=round)}


def worst_status(verdicts: list[MeasureVerdict]) -> Verdict:
    """A task's status: the worst of its measures' verdicts (not_started when none is judged)."""
    return min((v.status for v in verdicts), key=SEVERITY.__getitem__, default="not_started")


def leader_tasks_of(user: User) -> list[tuple[Task, list[str]]] | None:
    """The tasks whose 包抓/牵头 seat the user's person holds today, with the roles held (translated);
    None when the account is bound to no person (LeaderAccount)."""
    account = LeaderAccount.objects.filter(user=user).select_related("person").first()
    if account is None:
        return None
    today = timezone.localdate()
    held = Holding.objects.filter(person=account.person, started_on__lte=today).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=today)
    )
    roles: dict[int, list[str]] = {}
    for leader in TaskLeader.objects.filter(position__in=held.values("position")).order_by(
        "task_id", "-role"
    ):
        roles.setdefault(leader.task_id, []).append(gettext(leader.get_role_display()))
    tasks = Task.objects.filter(pk__in=roles).select_related("region").order_by("region__code", "position")
    return [(task, list(dict.fromkeys(roles[task.pk]))) for task in tasks]
