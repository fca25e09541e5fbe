from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from healthaction.ingest import IngestError, parse_file
from healthaction.ingest.readers import MAX_BYTES
from healthaction.package_limits import limit_text, size_text
from healthaction.plan import Plan
from web.accounts.scope import Need, region_for_user, region_scope_for, signed_in_user
from web.jobs.services import job_enqueue
from web.plans.forms import UploadForm, department_choices
from web.plans.models import PlanDocument
from web.plans.pending import (
    PendingUpload,
    pending_upload_cancel,
    pending_upload_claim,
    pending_upload_create,
    pending_upload_discard,
    pending_upload_release,
)
from web.plans.preview import plan_preview
from web.plans.selectors import plan_actions, plan_targets, plans_within


def _parse(pending: PendingUpload) -> Plan:
    """The pending upload parsed, or ValueError with a message that names the file as the user
    knows it: never the server's folder or the name it is stored under."""
    try:
        return parse_file(pending.file)
    except IngestError as exc:
        message = str(exc).replace(str(pending.file), pending.name).replace(str(pending.folder), "")
        raise ValueError(message) from exc


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    scope = region_scope_for(request.user)
    return render(
        request, "plans/list.html", {"documents": plans_within(scope), "can_import": scope.may(Need.MANAGE)}
    )


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(PlanDocument, pk=pk)
    region_for_user(request.user, document.region.code)
    return render(
        request,
        "plans/detail.html",
        {"document": document, "actions": plan_actions(document), "targets": plan_targets(document)},
    )


@login_required
def document_file(request: HttpRequest, pk: int) -> FileResponse:
    """The original file of an imported plan, for whoever may see the plan."""
    document = get_object_or_404(PlanDocument, pk=pk)
    region_for_user(request.user, document.region.code)
    if not document.file or not document.file.storage.exists(document.file.name):
        raise Http404(gettext("原文件已不在服务器上"))
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.file_name)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    if not region_scope_for(request.user).may(Need.MANAGE):
        raise PermissionDenied(gettext("只有办公室管理员可以导入规划"))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        region = region_for_user(request.user, form.cleaned_data["region"], Need.MANAGE)
        uploaded = form.cleaned_data["file"]
        if uploaded.size > MAX_BYTES:  # refused before it is kept: Django deletes its temporary file
            form.add_error(
                "file",
                gettext("文件过大（%(size)s），上限为 %(limit)s")
                % {"size": size_text(uploaded.size), "limit": limit_text(MAX_BYTES)},
            )
            return render(request, "plans/upload.html", {"form": form}, status=400)
        pending = pending_upload_create(
            uploaded=uploaded, region=region.code, user_id=signed_in_user(request.user).pk
        )
        try:
            plan = _parse(pending)
        except ValueError as exc:
            pending_upload_discard(pending=pending)  # a refused file is not kept
            form.add_error("file", str(exc))
            return render(request, "plans/upload.html", {"form": form}, status=400)
        preview = plan_preview(
            plan=plan, region=region, content=pending.file.read_bytes(), file_name=pending.name
        )
        return render(
            request, "plans/preview.html", {"preview": preview, "token": pending.token, "region": region}
        )
    return render(request, "plans/upload.html", {"form": form})


def _gone(request: HttpRequest) -> HttpResponse:
    """A confirm or cancel of an upload that is no longer waiting: a second submit, or too late."""
    messages.info(request, gettext("这次上传已导入、已取消或已过期；如需导入，请重新上传"))
    return redirect("plan-list")


@login_required
@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    pending = pending_upload_claim(token=token, user_id=signed_in_user(request.user).pk)
    if pending is None:
        return _gone(request)
    try:
        region = region_for_user(request.user, pending.region, Need.MANAGE)
    except BaseException:
        pending_upload_release(pending=pending)
        raise
    choices = department_choices(request.POST)
    # The import itself (parse and write) runs on a worker (web/plans/jobs.py); the file travels in
    # the job's row. Its page shows the progress, then links to the plan or says why it failed.
    try:
        job = job_enqueue(
            kind="plans.import",
            title=f"导入规划《{pending.name}》（{region.name}）",
            params={"region": region.code, "choices": choices},
            user=request.user,
            input_name=pending.name,
            input_file=pending.file.read_bytes(),
            back_url=reverse("plan-list"),
        )
    except BaseException:
        pending_upload_release(pending=pending)  # nothing was queued: the user may confirm again
        raise
    pending_upload_discard(pending=pending)
    return redirect("job", job_id=job.pk)


@login_required
@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    if pending_upload_cancel(token=token, user_id=signed_in_user(request.user).pk):
        messages.info(request, gettext("已取消导入，上传的文件已删除"))
    return redirect("plan-upload")
