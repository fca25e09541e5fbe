"""督导 pages: a round's supervision with its 约谈 and 整改, 销号, one's reminders, the 督导通报."""

from __future__ import annotations

import datetime
import io
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from healthaction.responsibility import ProgressRound
from web.accounts.scope import Need, region_for_user
from web.organisation.models import Department
from web.supervision.annual import annual_round, annual_rounds, findings_of
from web.supervision.forms import InterviewOutcomeForm, RectificationForm, closing_note, round_post
from web.supervision.models import Interview, Rectification
from web.supervision.reminders import reminder_mark_read, reminders_for
from web.supervision.report import supervision_draft, supervision_report_write
from web.supervision.services import (
    interview_decide,
    interviews_propose_from,
    rectification_close,
    rectification_create,
    rectifications_create_from,
)
from web.tasks import selectors
from web.tasks.views import round_for_request as _round


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required
    return request.user


RECTIFY_DAYS = 30


@login_required
def supervision(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.REVIEW)
    round_ = _round(request, code)
    view = selectors.supervision_for(region, round_)
    today = timezone.localdate()
    rectifications = Rectification.objects.filter(region=region).select_related("department", "measure")
    annual = annual_round(region, round_.year)
    return render(
        request,
        "supervision/supervision.html",
        {
            "region": region,
            "round": round_,
            "rounds": selectors.rounds_in(region),
            "running": selectors.running_round(),
            "view": view,
            "sup": view.supervision,
            "evidence": selectors.evidence_by_measure(view.tracked, round_.code),
            "by_department": sorted(view.supervision.by_department().items()),
            "by_leader": sorted(view.supervision.by_leader().items()),
            "interviews": Interview.objects.filter(region=region).select_related("department"),
            "rectifications": [(item, item.state(today)) for item in rectifications],
            "annual": annual,
            "annual_rounds": annual_rounds(region),
            "findings": findings_of(annual),
            "form": RectificationForm(
                departments=selectors.departments_with_tasks(region),
                initial={"due_on": today + datetime.timedelta(days=RECTIFY_DAYS)},
            ),
        },
    )


def _department_named(region_code: str, name: str) -> Department:
    department = Department.objects.filter(region__code=region_code, name=name).first()
    if department is None:
        raise Http404(gettext("没有部门“%(name)s”") % {"name": name})
    return department


@login_required
@require_POST
def interviews_propose(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.REVIEW)
    round_ = _round(request, code, round_post(request.POST).round)
    view = selectors.supervision_for(region, round_)
    interviews_propose_from(region=region, proposals=view.interviews, user=request.user)
    messages.success(request, gettext("已提出%(count)d项约谈建议") % {"count": len(view.interviews)})
    return redirect(f"/tasks/{region.code}/supervision/?round={round_.code}")


@login_required
@require_POST
def rectifications_create(request: HttpRequest, code: str) -> HttpResponse:
    """From the round's findings (``raise``) or one typed in by the office."""
    region = region_for_user(request.user, code, Need.REVIEW)
    posted = round_post(request.POST)
    round_ = _round(request, code, posted.round)
    if posted.from_findings:
        view = selectors.supervision_for(region, round_)
        due = selectors.round_closes_on(round_) + datetime.timedelta(days=RECTIFY_DAYS)
        made = rectifications_create_from(
            region=region,
            supervision=view.supervision,
            measures=view.tracked.rows,
            due=due,
            user=request.user,
        )
        count = len(made)
        messages.success(request, gettext("已生成%(count)d项整改事项") % {"count": count})
    else:
        form = RectificationForm(request.POST, departments=selectors.departments_with_tasks(region))
        if not form.is_valid():
            messages.error(
                request,
                gettext("整改事项填写不完整：%(errors)s")
                % {"errors": "；".join(str(e) for es in form.errors.values() for e in es)},
            )
        else:
            rectification_create(
                region=region,
                department=form.cleaned_data["department"],
                issue=form.cleaned_data["issue"],
                round=round_.code,
                due_on=form.cleaned_data["due_on"],
                user=request.user,
            )
            messages.success(request, gettext("已添加整改事项"))
    return redirect(f"/tasks/{region.code}/supervision/?round={round_.code}")


@login_required
@require_POST
def interview_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """The office records what became of a proposed 约谈 (before: only in /admin/)."""
    interview = get_object_or_404(Interview.objects.select_related("region", "department"), pk=pk)
    region_for_user(request.user, interview.region.code, Need.REVIEW)
    form = InterviewOutcomeForm(request.POST, today=timezone.localdate())
    if form.is_valid():
        data = form.cleaned_data
        interview_decide(interview=interview, state=data["state"], held_on=data["held_on"], note=data["note"])
        messages.success(
            request,
            gettext("已记录%(department)s的约谈结果：%(state)s")
            % {"department": interview.department.name, "state": gettext(interview.get_state_display())},
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"{interview.department.name}：{error}")
    return redirect(f"/tasks/{interview.region.code}/supervision/?round={interview.round}")


@login_required
@require_POST
def rectification_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Rectification.objects.select_related("region"), pk=pk)
    region_for_user(request.user, item.region.code, Need.REVIEW)
    try:
        rectification_close(item=item, note=closing_note(request.POST), user=request.user)
        messages.success(request, gettext("整改事项已销号"))
    except ValueError as exc:
        messages.error(request, str(exc))
    return redirect(f"/tasks/{item.region.code}/supervision/?round={item.round}")


@login_required
def reminders(request: HttpRequest) -> HttpResponse:
    items = reminders_for(_user(request))
    return render(
        request,
        "supervision/reminders.html",
        {"items": items, "unread": sum(1 for item in items if item.read_at is None)},
    )


@login_required
@require_POST
def reminders_read(request: HttpRequest) -> HttpResponse:
    count = reminder_mark_read(user=_user(request))
    messages.success(request, gettext("已将%(count)d条提醒标为已读") % {"count": count})
    return redirect("task-reminders")


@login_required
def supervision_report(request: HttpRequest, code: str, fmt: str) -> FileResponse:
    region = region_for_user(request.user, code, Need.REVIEW)
    if fmt not in ("docx", "xlsx"):
        raise Http404(gettext("督导通报只能导出 .docx 或 .xlsx"))
    text = request.GET.get("round", "")
    try:
        round_ = ProgressRound.parse(text) if text else selectors.default_round(region)
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    draft = supervision_draft(region, round_)
    with tempfile.TemporaryDirectory(prefix="supervision-") as folder:
        content = supervision_report_write(draft, Path(folder) / f"report.{fmt}").read_bytes()
    name = f"{region.name}{round_.name}督导通报.{fmt}"
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=name)
