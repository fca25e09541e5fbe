from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from healthaction.ingest import IngestError, parse_file
from healthaction.plan import Plan
from web.accounts.scope import Need, region_for_user, region_scope_for
from web.plans.forms import UploadForm
from web.plans.models import PlanDocument
from web.plans.selectors import plan_actions, plan_targets, plans_within
from web.plans.services import plan_import, plan_preview


def _pending_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "pending"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _pending_file(token: str) -> Path:
    if not token.isalnum():
        raise Http404(gettext("上传已过期"))
    matches = list(_pending_dir().glob(f"{token}.*"))
    if not matches:
        raise Http404(gettext("上传已过期，请重新上传"))
    return matches[0]


def _parse(path: Path, original: str) -> Plan:
    try:
        return parse_file(path)
    except IngestError as exc:
        raise ValueError(str(exc).replace(path.name, original)) from exc


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
        content = uploaded.read()
        token = hashlib.sha256(content).hexdigest()[:32]
        path = _pending_dir() / f"{token}{Path(uploaded.name).suffix.lower()}"
        path.write_bytes(content)
        (path.parent / f"{token}.name").write_text(uploaded.name, encoding="utf-8")
        try:
            plan = _parse(path, uploaded.name)
        except ValueError as exc:
            form.add_error("file", str(exc))
        else:
            preview = plan_preview(plan=plan, region=region, content=content, file_name=uploaded.name)
            return render(
                request, "plans/preview.html", {"preview": preview, "token": token, "region": region}
            )
    return render(request, "plans/upload.html", {"form": form})


@login_required
@require_POST
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    region = region_for_user(request.user, request.POST.get("region", ""), Need.MANAGE)
    path = _pending_file(token)
    name = (path.parent / f"{token}.name").read_text(encoding="utf-8")
    plan = _parse(path, name)
    choices: dict[str, int | None] = {}
    for key in request.POST:
        if key.startswith("dept:"):
            value = request.POST.get(key, "")
            choices[key[5:]] = int(value) if value.isdigit() else None
    preview = plan_import(
        plan=plan,
        region=region,
        content=path.read_bytes(),
        file_name=name,
        user=request.user,
        choices=choices,
    )
    path.unlink(missing_ok=True)
    if preview.changes:
        messages.success(
            request,
            gettext("已导入《%(title)s》：%(count)s处新增或修改")
            % {"title": preview.title, "count": len(preview.changes)},
        )
    else:
        messages.info(
            request, gettext("《%(title)s》与已导入的内容相同，没有变化") % {"title": preview.title}
        )
    document = PlanDocument.objects.get(region=region, title=preview.title)
    return redirect("plan-detail", pk=document.pk)
