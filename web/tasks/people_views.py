"""Pages for people rather than regions: one's reminders, a leader's own tasks, the lead department's
confirmation of a task's half-yearly report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from healthaction.responsibility import BEHIND, ProgressRound
from web.accounts.models import Role
from web.accounts.scope import region_for_user, region_scope_for
from web.organisation.models import Holding
from web.tasks import selectors
from web.tasks.confirmation import ConfirmationError, confirmation_state, lead_departments, task_confirm
from web.tasks.models import LeaderAccount, ProgressReport, Task, TaskConfirmation, TaskLeader
from web.tasks.templatetags.rounds import round_name


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required
    return request.user


def _leader_tasks(user: User) -> list[tuple[Task, list[str]]]:
    """The tasks whose 包抓/牵头 seat the user's person holds today, with the roles held."""
    account = LeaderAccount.objects.filter(user=user).select_related("person").first()
    if account is None:
        raise PermissionDenied(gettext("您的账户未关联领导职务，没有包抓或牵头的任务"))
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


@login_required
def leader_tasks(request: HttpRequest) -> HttpResponse:
    rows = []
    views: dict[int, selectors.SupervisionView] = {}
    for task, roles in _leader_tasks(_user(request)):
        if task.region_id not in views:
            views[task.region_id] = selectors.supervision_for(
                task.region, selectors.default_round(task.region)
            )
        view = views[task.region_id]
        verdicts = [v for v in view.supervision.verdicts if view.tracked.measure_for(v).task_id == task.pk]
        worst = selectors.worst_status(verdicts)
        reasons = [
            gettext("措施%(measure)s：%(reason)s") % {"measure": v.measure.id, "reason": v.reason}
            for v in verdicts
            if v.status in BEHIND
        ]
        round_ = view.supervision.round
        rows.append((task, roles, round_, worst, reasons, confirmation_state(task, round_.code)))
    return render(request, "tasks/leader.html", {"rows": rows})


@login_required
def task_confirm_view(request: HttpRequest, pk: int, round_code: str) -> HttpResponse:
    """GET: what each department reported on the task this round; POST: the lead department confirms."""
    task = get_object_or_404(Task.objects.select_related("region"), pk=pk)
    region_for_user(request.user, task.region.code)
    try:
        round_ = ProgressRound.parse(round_code)
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    scope = region_scope_for(request.user)
    leads = lead_departments(task)
    may_confirm = scope.role == Role.CLERK and scope.department in leads
    if request.method == "POST":
        if not may_confirm or scope.department is None:
            raise PermissionDenied(gettext("只有该任务的牵头部门可以确认其半年报告"))
        try:
            task_confirm(
                task=task,
                round=round_.code,
                department=scope.department,
                user=_user(request),
                note=request.POST.get("note", ""),
            )
            messages.success(
                request,
                gettext("已确认“%(task)s”%(round)s报告") % {"task": task.name, "round": round_name(round_)},
            )
        except ConfirmationError as exc:
            messages.error(request, str(exc))
        return redirect("task-confirm", pk=task.pk, round_code=round_.code)
    reports = ProgressReport.objects.filter(measure__task=task, round=round_.code).select_related(
        "measure", "department", "submitted_by"
    )
    confirmation = (
        TaskConfirmation.objects.filter(task=task, round=round_.code)
        .select_related("department", "confirmed_by")
        .first()
    )
    by = confirmation.confirmed_by if confirmation else None
    # The confirmer's account may be gone since (the row keeps the confirmation, not the person).
    confirmer = (by.get_full_name() or by.username) if by else gettext("（账户已删除）")
    return render(
        request,
        "tasks/confirm.html",
        {
            "task": task,
            "round": round_,
            "leads": leads,
            "reports": reports,
            "state": confirmation_state(task, round_.code),
            "confirmation": confirmation,
            "confirmer": confirmer,
            "may_confirm": may_confirm,
        },
    )
