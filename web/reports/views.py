"""Report downloads: 总体监测评估报告, 专项行动专题报告 and 考核结果通报 as .docx .xlsx .html .pdf.

.docx, .xlsx and .html are drafted from the database on request into a temporary folder and
streamed; the folder is gone before the first byte is sent (the open file keeps the data). The PDF
is the .docx converted by LibreOffice headless (3–10 s): it is a job on the queue (web/reports/jobs.py)
and the request only leads to the job's page, which offers the file when it is ready. Where
LibreOffice is missing the page says so beside the button and the download answers with a message.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from healthaction.reports import KINDS, ReportError, render_report
from healthaction.reports.pdf import libreoffice, missing_message
from web.accounts.scope import Need, region_for_user
from web.dashboards.selectors import latest_year
from web.jobs.services import job_enqueue
from web.parameters import optional_year
from web.regions.models import Region
from web.reports.jobs import FORMATS
from web.reports.source import plan_and_basis, published_result, report_data

FORMAT_LABELS = (("docx", "Word"), ("xlsx", "Excel"), ("html", "网页"), ("pdf", "PDF"))


def _year(request: HttpRequest) -> int | None:
    return optional_year(request.GET)


@login_required
def downloads(request: HttpRequest, code: str) -> HttpResponse:
    """The reports a region's office may download for a year: overall, one per action, 考核通报."""
    region = region_for_user(request.user, code, Need.VIEW)
    year = _year(request) or latest_year(region)
    try:
        plan, basis = plan_and_basis(region)
        actions = [(a.seq, a.name) for a in plan.actions]
    except ReportError:
        actions, basis = [], None
    return render(
        request,
        "reports/downloads.html",
        {
            "region": region,
            "year": year,
            "actions": actions,
            "formats": FORMAT_LABELS,
            "pdf_missing": None if libreoffice() else missing_message(),
            "basis": basis,
            "assessment": published_result(region, year) if year else None,
        },
    )


@login_required
def download(request: HttpRequest, code: str, kind: str, fmt: str) -> HttpResponseBase:
    region = region_for_user(request.user, code, Need.VIEW)
    if kind not in KINDS or fmt not in FORMATS:
        raise Http404(_("没有这种报告"))
    year = _year(request) or latest_year(region)
    back = reverse("reports-downloads", kwargs={"code": region.code})
    if year is None:
        messages.error(request, _("%(region)s还没有审核通过的监测值，无法生成报告") % {"region": region.name})
        return redirect(back)
    if fmt == "pdf":
        return _pdf_job(request, region, kind, year, back)
    folder = Path(tempfile.mkdtemp(prefix="healthaction-report-"))
    try:
        data = report_data(kind, region, year, action=request.GET.get("action"))
        path = render_report(data, folder / f"report.{fmt}")
        handle = path.open("rb")
    except ReportError as exc:
        messages.error(request, str(exc))
        return redirect(f"{back}?year={year}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    name = f"{data.title}.{fmt}"
    response = FileResponse(handle, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


def _pdf_job(request: HttpRequest, region: Region, kind: str, year: int, back: str) -> HttpResponseBase:
    """The PDF on the queue: the same request again (a reload) leads to the job already waiting."""
    if libreoffice() is None:
        messages.error(request, missing_message())
        return redirect(f"{back}?year={year}")
    action = request.GET.get("action")
    # Stored with the job and read later: in the documents' language, like the reports themselves.
    name = {"overall": "总体监测评估报告", "action": "专项行动专题报告", "assessment": "考核结果通报"}[kind]
    title = f"{region.name}{year}年{name}{f'（第{action}项）' if action else ''}（PDF）"
    params = {"region": region.code, "kind": kind, "fmt": "pdf", "year": year, "action": action}
    job = job_enqueue(
        kind="reports.build", title=title, params=params, user=request.user, back_url=f"{back}?year={year}"
    )
    return redirect("job", job_id=job.pk)
