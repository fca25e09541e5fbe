"""The Excel round-trip: download the department's pre-filled template, upload it back all-or-nothing.

The pure core (``healthaction.workbook``) builds and reads the file; here the rows come from the
same selector as the entry form, and every value goes through the same service, inside one
transaction: one error anywhere and nothing is saved.

Each template row carries the version of the value it was filled from. On upload a row whose
value changed since the download (edited, submitted, reviewed, or entered by someone else) is
an error, never a silent overwrite — unless the file already says exactly what is stored now
(the same file uploaded twice, as a draft and then for submission), which loses nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from openpyxl import load_workbook

from healthaction.workbook import EntryRow, build_template, template_file_name
from healthaction.workbook.layout import ENTRY_SHEET
from web.accounts.scope import Need, region_for_user, region_scope_for, signed_in_user
from web.jobs.services import job_enqueue
from web.monitoring.forms import workbook_post
from web.monitoring.selectors import EntryRow as FormRow
from web.monitoring.selectors import entry_rows
from web.monitoring.workbook import (
    Problem,
    department_label,
    round_label,
    workbook_apply,
    workbook_round,
)
from web.regions.models import Region

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _template_rows(rows: list[FormRow], region: Region, year: int) -> list[EntryRow]:
    return [
        EntryRow(
            region_code=region.code,
            region_name=region.name,
            indicator_code=str(row.indicator.pk),
            indicator_name=row.indicator.name,
            unit=row.indicator.unit,
            year=year,
            last_year_value=row.last_value,
            target_text=f"{row.target.year}年 {row.target.text}" if row.target else "",
            current_value=row.observation.value if row.observation else None,
            comment=row.observation.comment if row.observation else "",
            version=row.observation.version if row.observation else None,
        )
        for row in rows
    ]


@login_required
def workbook_download(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = region_for_user(request.user, code, Need.ENTER)
    scope = region_scope_for(request.user)
    round_ = workbook_round(region, year)
    rows = entry_rows(region=region, year=year, scope=scope)
    if not rows:
        raise PermissionDenied("没有需要您填报的指标")
    department, label = department_label(region, scope), round_label(round_)
    owner = department if scope.department is not None else f"{region.name}全部指标"
    name = template_file_name(department=owner, round_label=label)
    # A department's template is small; it is built on disk (write-only) and sent from memory.
    with tempfile.TemporaryDirectory(prefix="ha-workbook-") as folder:
        path = Path(folder) / "template.xlsx"
        build_template(
            _template_rows(rows, region, year),
            department=department,
            region_name=region.full_name,
            round_label=label,
            path=path,
        )
        content = path.read_bytes()
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name) or ""
    return response


@login_required
def workbook_upload(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = region_for_user(request.user, code, Need.ENTER)
    round_ = workbook_round(region, year)
    context: dict[str, object] = {"region": region, "year": year, "round": round_}
    if request.method != "POST":
        return render(request, "monitoring/workbook_upload.html", context)
    posted = workbook_post(request.POST, request.FILES)
    uploaded, submit = posted.upload, posted.submit
    if uploaded is None:
        context["problems"] = [Problem("", "", "请选择要上传的填报表（.xlsx）")]
        return render(request, "monitoring/workbook_upload.html", context, status=400)
    file_name = Path(uploaded.name or "填报表.xlsx").name
    with tempfile.TemporaryDirectory(prefix="ha-upload-") as folder:
        path = Path(folder) / "upload.xlsx"
        with path.open("wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        if _rows_in(path) > settings.HEALTHACTION_INLINE_UPLOAD_ROWS:
            # A large file is read and saved on a worker (web/monitoring/jobs.py): its page shows
            # the progress and then the same summary or error list as this page.
            job = job_enqueue(
                kind="monitoring.workbook",
                title=f"{region.name}{year}年填报表《{file_name}》{'提交' if submit else '保存'}",
                params={"region": region.code, "year": year, "submit": submit},
                user=request.user,
                input_name=file_name,
                input_file=path.read_bytes(),
                back_url=reverse("entry", kwargs={"code": region.code, "year": year}),
            )
            return redirect("job", job_id=job.pk)
        upload = workbook_apply(
            path=path,
            file_name=file_name,
            region=region,
            year=year,
            user=signed_in_user(request.user),
            submit=submit,
        )
    context.update(file_name=file_name, notes=upload.notes, error_count=upload.error_count)
    if upload.problems:
        context.update(problems=upload.problems, error_count=upload.error_count)
        return render(request, "monitoring/workbook_upload.html", context, status=400)
    context.update(saved=upload.saved, submitted=submit, read=upload.read, done=True)
    return render(request, "monitoring/workbook_upload.html", context)


def _rows_in(path: Path) -> int:
    """The entry sheet's row count as the file declares it (read-only: no cell is loaded)."""
    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # not a workbook: the reader names the problem
        return 0
    try:
        sheet = book[ENTRY_SHEET] if ENTRY_SHEET in book.sheetnames else book.worksheets[0]
        return int(sheet.max_row or 0)
    finally:
        book.close()
