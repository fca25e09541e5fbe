"""The 牵头部门 confirms a task's half-yearly report once its departments have fed it."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from healthaction.responsibility import ProgressRound
from web.organisation.models import Department
from web.tasks.models import ProgressReport, Task, TaskConfirmation, TaskDepartment


class ConfirmationError(ValueError):
    pass


def lead_departments(task: Task) -> list[Department]:
    return [
        r.department
        for r in task.department_roles.all()
        if r.role == TaskDepartment.Role.LEAD and r.department is not None
    ]


def confirmation_state(task: Task, round: str) -> StrOrPromise:
    """待报送 / 待确认 / 已确认, in the reader's language: shown, never compared."""
    if TaskConfirmation.objects.filter(task=task, round=round).exists():
        return _("已确认")
    if ProgressReport.objects.filter(measure__task=task, round=round).exists():
        return _("待确认")
    return _("待报送")


@transaction.atomic
def task_confirm(
    *, task: Task, round: str, department: Department, user: User, note: str = ""
) -> TaskConfirmation:
    round_ = ProgressRound.parse(round)
    if department not in lead_departments(task):
        raise ConfirmationError(f"{department.name}不是任务“{task.name}”的牵头部门，不能确认其报告")
    if not ProgressReport.objects.filter(measure__task=task, round=round).exists():
        raise ConfirmationError(f"任务“{task.name}”{round_.name}尚无任何部门报送进展，无可确认")
    confirmation, _ = TaskConfirmation.objects.update_or_create(
        task=task,
        round=round,
        defaults={
            "department": department,
            "note": note,
            "confirmed_by": user,
            "confirmed_at": timezone.now(),
        },
    )
    return confirmation
