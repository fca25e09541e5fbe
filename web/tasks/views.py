"""责任清单 pages: the list, a task, a department's half-yearly report, the office's 督导, export."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from healthaction.responsibility import VERDICTS, ProgressRound, verdict_code, write_docx, write_xlsx
from web.accounts.models import Role
from web.accounts.scope import Need, region_for_user, region_scope_for
from web.organisation.models import Department
from web.parameters import optional_id
from web.plans.models import Action
from web.tasks import selectors
from web.tasks.forms import TaskForm, posted_progress
from web.tasks.models import ProgressReport, Task
from web.tasks.services import ProgressError, progress_report_save, task_save
from web.tasks.templatetags.rounds import round_name


def round_for_request(request: HttpRequest, region_code: str, value: str | None = None) -> ProgressRound:
    text = value or request.GET.get("round", "")
    if not text:
        region = region_for_user(request.user, region_code)
        return selectors.default_round(region)
    try:
        return ProgressRound.parse(text)
    except ValueError as exc:
        raise Http404(str(exc)) from exc


@login_required
def task_list(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code)
    round_ = round_for_request(request, code)
    view = selectors.supervision_for(region, round_)
    by_measure = {view.tracked.measure_for(v).pk: v for v in view.supervision.verdicts}
    program = request.GET.get("program", "")
    chosen = optional_id(request.GET, "department", gettext("部门"))
    department = Department.objects.filter(pk=chosen, region=region).first() if chosen else None
    status = verdict_code(request.GET.get("status", ""))
    rows = []
    for task in selectors.tasks_for_region(region, program=program, department=department):
        verdicts = [by_measure[m.pk] for m in task.measures.all() if m.pk in by_measure]
        worst = selectors.worst_status(verdicts)
        if status and worst != status:
            continue
        rows.append((task, worst))
    scope = region_scope_for(request.user)
    return render(
        request,
        "tasks/list.html",
        {
            "region": region,
            "round": round_,
            "rows": rows,
            "programs": selectors.programs_in(region),
            "departments": selectors.departments_with_tasks(region),
            "statuses": [word.code for word in VERDICTS],
            "chosen": {"program": program, "department": department, "status": status},
            "can_manage": scope.may(Need.MANAGE),
            "can_review": scope.may(Need.REVIEW),
            "can_enter": scope.may(Need.ENTER),
        },
    )


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task.objects.select_related("region", "action", "document"), pk=pk)
    region_for_user(request.user, task.region.code)
    round_ = round_for_request(request, task.region.code)
    view = selectors.supervision_for(task.region, round_)
    verdicts = {view.tracked.measure_for(v).pk: v for v in view.supervision.verdicts}
    measures = [
        (m, verdicts.get(m.pk)) for m in task.measures.prefetch_related("sub_targets", "reports__department")
    ]
    today = timezone.localdate()
    return render(
        request,
        "tasks/detail.html",
        {
            "task": task,
            "round": round_,
            "measures": measures,
            "leaders": [(x, x.holder_name(today)) for x in task.leaders.select_related("position")],
            "roles": task.department_roles.select_related("department"),
            "can_manage": region_scope_for(request.user).may(Need.MANAGE),
        },
    )


@login_required
def task_edit(request: HttpRequest, code: str, pk: int | None = None) -> HttpResponse:
    region = region_for_user(request.user, code, Need.MANAGE)
    task = get_object_or_404(Task, pk=pk, region=region) if pk else None
    actions = Action.objects.filter(region__in=[*region.ancestors(), region]).order_by("region__code", "seq")
    initial = TaskForm.initial_for(task) if task else None
    form = TaskForm(request.POST or None, initial=initial, actions=actions)
    if request.method == "POST" and form.is_valid():
        saved = task_save(region=region, row=form.plan_task(), task=task, action=form.cleaned_data["action"])
        messages.success(request, gettext("已保存任务“%(name)s”") % {"name": saved.name})
        return redirect("task-detail", pk=saved.pk)
    return render(request, "tasks/edit.html", {"region": region, "task": task, "form": form})


def _department_for_report(request: HttpRequest, code: str) -> tuple[Department | None, bool]:
    """The department whose report this is: a clerk's own; an admin picks one (?department=)."""
    scope = region_scope_for(request.user)
    if scope.role == Role.CLERK:
        if scope.department is None:
            raise PermissionDenied(gettext("您的账户没有所属部门，不能报送进展"))
        return scope.department, False
    chosen = optional_id(request.GET, "department", gettext("部门")) or optional_id(
        request.POST, "department", gettext("部门")
    )
    department = Department.objects.filter(pk=chosen, region__code=code).first() if chosen else None
    return department, True


@login_required
def progress(request: HttpRequest, code: str, round_code: str) -> HttpResponse:
    region = region_for_user(request.user, code, Need.ENTER)
    round_ = round_for_request(request, code, round_code)
    department, may_choose = _department_for_report(request, code)
    if department is not None and department.region_id != region.pk:
        raise PermissionDenied(gettext("不能为其他地区的部门报送进展"))
    measures = selectors.measures_for_department(region, department) if department else []
    errors: dict[int, str] = {}
    if request.method == "POST" and department is not None:
        post = posted_progress(measures, request.POST, request.FILES)
        if post.foreign:
            raise PermissionDenied(gettext("不能报送其他部门的措施进展"))
        errors = post.errors
        saved = 0
        for row in post.rows:
            try:
                progress_report_save(
                    measure=row.measure,
                    department=department,
                    round=round_.code,
                    status=row.status,
                    amounts=row.amounts,
                    text=row.text,
                    evidence=row.evidence,
                    user=request.user,
                )
                saved += 1
            except ProgressError as exc:
                errors[row.measure.pk] = str(exc)
        if not errors:
            messages.success(
                request,
                gettext("已报送%(count)d项措施的%(round)s进展")
                % {"count": saved, "round": round_name(round_)},
            )
            url = request.path + (f"?department={department.pk}" if may_choose else "")
            return redirect(url)
    reports = selectors.reports_of(department, round_.code) if department else {}
    return render(
        request,
        "tasks/progress.html",
        {
            "region": region,
            "round": round_,
            "department": department,
            "may_choose": may_choose,
            "departments": selectors.departments_with_tasks(region) if may_choose else [],
            "rows": [(m, reports.get(m.pk), errors.get(m.pk)) for m in measures],
            "statuses": ProgressReport.Status.choices,
        },
    )


@login_required
def export(request: HttpRequest, code: str, fmt: str) -> FileResponse:
    region = region_for_user(request.user, code)
    writers = {"xlsx": write_xlsx, "docx": write_docx}
    if fmt not in writers:
        raise Http404(gettext("只能导出 .xlsx 或 .docx"))
    tasks = [selectors.plan_task(t) for t in selectors.tasks_for_region(region)]
    title = f"{region.name}责任清单"
    with tempfile.TemporaryDirectory(prefix="tasks-export-") as folder:
        path = writers[fmt](tasks, Path(folder) / f"{title}.{fmt}", title=title)
        content = path.read_bytes()
    return FileResponse(io.BytesIO(content), as_attachment=True, filename=f"{title}.{fmt}")


@login_required
def progress_evidence(request: HttpRequest, pk: int) -> FileResponse:
    """A progress report's 佐证材料, for anyone who may see its region's 责任清单 (not outsiders)."""
    report = get_object_or_404(ProgressReport.objects.select_related("measure__task__region"), pk=pk)
    region_for_user(request.user, report.measure.task.region.code)
    if not report.evidence:
        raise Http404(gettext("该进展没有上传佐证材料"))
    try:
        handle = report.evidence.open("rb")
    except FileNotFoundError:
        raise Http404(gettext("佐证材料文件已不在服务器上，请重新上传")) from None
    return FileResponse(handle, as_attachment=True, filename=Path(report.evidence.name).name)
