"""Writes: tasks from a 责任清单 (imported or typed in), progress reports, 约谈 and 整改."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from healthaction.numbers import NumberRefused, check_amount, excerpt
from healthaction.plan import Plan, PlanTask
from healthaction.responsibility import (
    parse_deadline,
    quantities,
)
from web.organisation.models import Body, Department, Holding, Position
from web.organisation.names import is_department_name
from web.organisation.selectors import DepartmentDirectory
from web.organisation.services import (
    body_get_or_create,
    department_alias_add,
    department_create,
    holding_change,
    position_get_or_create,
)
from web.plans.models import Action, PlanDocument
from web.regions.models import Region
from web.tasks.matching import action_match
from web.tasks.models import (
    Measure,
    ProgressReport,
    ProgressReportChange,
    SubTarget,
    Task,
    TaskDepartment,
    TaskLeader,
)

LEADERS_BODY = "责任清单领导"


class ProgressError(ValueError):
    """A report the department may not send, or one that does not make sense: one Chinese line."""


@transaction.atomic
def tasks_import_from_plan(*, plan: PlanDocument) -> list[Task]:
    """The tasks of the 责任清单 in ``plan`` (its parsed ``Plan.tasks``), created or brought up
    to date. Re-importing the same list changes nothing; a task keeps its reports, and an
    action link the office corrected by hand."""
    parsed = Plan.model_validate(plan.parsed)
    region = plan.region
    day = plan.issued_on or timezone.localdate()
    directory = DepartmentDirectory(region)
    actions = _actions_for(region)
    tasks: list[Task] = []
    for position, row in enumerate(parsed.tasks, start=1):
        task = Task.objects.filter(region=region, document=plan, position=position).first() or Task(
            region=region, document=plan, position=position
        )
        tasks.append(_task_write(task, row, region=region, day=day, directory=directory, actions=actions))
    plan.tasks.filter(position__gt=len(parsed.tasks)).delete()
    return tasks


@transaction.atomic
def task_save(
    *,
    region: Region,
    row: PlanTask,
    task: Task | None = None,
    action: Action | None = None,
    is_demo: bool = False,
) -> Task:
    """Create a task typed in the web (``task`` None) or change one; ``action`` set by the office."""
    if task is None:
        last = Task.objects.filter(region=region, document=None).order_by("-position").first()
        task = Task(region=region, document=None, position=(last.position + 1) if last else 1)
    task.is_demo = is_demo
    if action is not None:
        task.action, task.action_confirmed = action, True
    directory = DepartmentDirectory(region)
    return _task_write(
        task, row, region=region, day=timezone.localdate(), directory=directory, actions=_actions_for(region)
    )


def _actions_for(region: Region) -> list[tuple[str, Action]]:
    regions = [*region.ancestors(), region]
    return [(a.name, a) for a in Action.objects.filter(region__in=regions).order_by("-region__code", "seq")]


def _task_write(
    task: Task,
    row: PlanTask,
    *,
    region: Region,
    day: datetime.date,
    directory: DepartmentDirectory,
    actions: Sequence[tuple[str, Action]],
) -> Task:
    deadline = parse_deadline(row.deadline, default_year=day.year)
    task.seq = row.seq
    task.program = (row.program or "")[:200]
    task.name = row.task[:500]
    task.deadline_text = (row.deadline or "")[:100]
    task.deadline_kind = deadline.kind
    task.due_on = deadline.due
    if not task.action_confirmed:
        task.action = action_match(f"{row.program or ''} {row.task}", actions)
    task.full_clean(exclude=["document", "action"])
    task.save()
    _measures_write(task, row.measures or [row.task])
    _departments_write(task, row, region, directory)
    _leaders_write(task, row, region, day)
    return task


def _measures_write(task: Task, texts: Sequence[str]) -> None:
    """Measures by number: a changed text is re-read, its reports kept; surplus ones go."""
    existing = {m.seq: m for m in task.measures.all()}
    for seq, text in enumerate(texts, start=1):
        measure = existing.get(seq)
        if measure is not None and measure.text == text:
            continue
        if measure is None:
            measure = Measure.objects.create(task=task, seq=seq, text=text)
        else:
            measure.text = text
            measure.save(update_fields=["text"])
        measure.sub_targets.all().delete()
        SubTarget.objects.bulk_create(
            SubTarget(
                measure=measure,
                index=index,
                subject=one.subject[:200],
                comparator=one.comparator,
                value=Decimal(str(one.value)),
                upper=None if one.upper is None else Decimal(str(one.upper)),
                unit=one.unit,
                period=one.period or "",
                kind=one.kind,
                year=one.year,
                text=one.text[:300],
                label=one.label[:500],
                sentence=one.sentence,
            )
            for index, one in enumerate(quantities(text))
            # A quantity past the one number rule's limits (10^12 and more) is no sub-target
            # anyone reports against; it is left out (its index kept) rather than break the import.
            if _storable(one.value) and (one.upper is None or _storable(one.upper))
        )
    task.measures.filter(seq__gt=len(texts)).delete()


def _storable(value: float | Decimal) -> bool:
    try:
        check_amount(value, field="量化子目标")
    except NumberRefused:
        return False
    return True


def _department_for(name: str, region: Region, directory: DepartmentDirectory) -> Department | None:
    """The registry's department a written name means; a new one is added, a collective
    phrase (各镇街, 有关部门) stays a name."""
    if not is_department_name(name):
        return None
    resolution = directory.resolve(name)
    department = resolution.department or resolution.suggestion
    if department is None:
        canonical = directory.canonical_new_name(name)
        department = Department.objects.filter(region=region, name=canonical).first() or department_create(
            region=region, name=canonical
        )
    department_alias_add(department=department, alias=name)
    return department


def _departments_write(task: Task, row: PlanTask, region: Region, directory: DepartmentDirectory) -> None:
    wanted = [(TaskDepartment.Role.LEAD, n) for n in row.lead_departments]
    wanted += [(TaskDepartment.Role.RESPONSIBLE, n) for n in row.responsible_departments]
    keep: list[int] = []
    for seq, (role, name) in enumerate(wanted):
        entry, _ = TaskDepartment.objects.update_or_create(
            task=task,
            role=role,
            written_as=name[:100],
            defaults={"department": _department_for(name, region, directory), "seq": seq},
        )
        keep.append(entry.pk)
    task.department_roles.exclude(pk__in=keep).delete()


def _leaders_write(task: Task, row: PlanTask, region: Region, day: datetime.date) -> None:
    wanted = [(TaskLeader.Role.RESPONSIBLE, n) for n in row.responsible_leaders]
    wanted += [(TaskLeader.Role.LEAD, n) for n in row.lead_leaders]
    keep: list[int] = []
    for seq, (role, name) in enumerate(wanted):
        entry, _ = TaskLeader.objects.update_or_create(
            task=task,
            role=role,
            written_as=name[:50],
            defaults={"position": _leader_position(region, name, day), "seq": seq},
        )
        keep.append(entry.pk)
    task.leaders.exclude(pk__in=keep).delete()


def _leader_position(region: Region, name: str, day: datetime.date) -> Position:
    """The seat a leader named in the list holds: one already in the registry (委员会副主任),
    or a seat of the list's own, held by that person from the list's date."""
    holding = (
        Holding.objects.filter(person__region=region, person__name=name, ended_on__isnull=True)
        .select_related("position")
        .order_by("position__body__kind", "position__seq")
        .first()
    )
    if holding is not None:
        return holding.position
    body = body_get_or_create(region=region, kind=Body.Kind.WORKING_GROUP, name=LEADERS_BODY)
    position = position_get_or_create(body=body, title="责任领导", office=f"{name}所任职务"[:200], seq=0)
    if not position.holdings.exists():
        holding_change(position=position, person_name=name, day=day, note="据责任清单导入")
    return position


@transaction.atomic
def progress_report_save(
    *,
    measure: Measure,
    department: Department,
    round: str,
    status: str,
    amounts: Mapping[int, Decimal],
    text: str,
    user: Any,
    evidence: UploadedFile | None = None,
    is_demo: bool = False,
) -> ProgressReport:
    """A department's report on one of its measures for ``round``; every version is kept."""
    names = {r.department_id for r in measure.task.department_roles.all() if r.department_id}
    if department.pk not in names:
        raise ProgressError(f"{department.name}不是措施{measure.code}的牵头或责任部门，不能报送其进展")
    if status not in ProgressReport.Status.values:
        raise ProgressError(f"状态应为未开始、推进中或已完成，实际为「{excerpt(status)}」")
    subs = {sub.index: sub for sub in measure.sub_targets.all()}
    checked: dict[int, Decimal] = {}
    for index, value in amounts.items():
        if index not in subs:
            raise ProgressError(f"措施{measure.code}没有第{index + 1}个量化子目标")
        try:  # the one number rule: finite, 12 digits, not negative, a % within 0–100
            checked[index] = check_amount(
                value, field=subs[index].label, unit=subs[index].unit or None, minimum=0
            )
        except NumberRefused as refused:
            raise ProgressError(f"措施{measure.code}：{refused.message}") from None
    amounts = checked
    now = timezone.now()
    report, _ = ProgressReport.objects.get_or_create(
        measure=measure,
        department=department,
        round=round,
        defaults={"status": status, "submitted_at": now},
    )
    report.status = status
    report.amounts = {str(index): str(value) for index, value in sorted(amounts.items())}
    report.text = text
    if evidence is not None:
        report.evidence = evidence
    report.submitted_by = user if getattr(user, "pk", None) else None
    report.submitted_at = now
    report.is_demo = is_demo
    report.full_clean()
    report.save()
    ProgressReportChange.objects.create(
        report=report,
        status=status,
        amounts=report.amounts,
        text=text,
        evidence=report.evidence.name or "",
        user=report.submitted_by,
        at=now,
    )
    return report
