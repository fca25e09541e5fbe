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
from web.accounts.scope import Need, region_for_user, region_scope_for
from web.dashboards.selectors import latest_year
from web.jobs.services import job_enqueue
from web.parameters import optional_year
from web.regions.models import Region
from web.reports.jobs import FORMATS
from web.reports.selectors import report_years, reports_of_year
from web.reports.source import plan_and_basis, report_data

FORMAT_LABELS = (("docx", "Word"), ("xlsx", "Excel"), ("html", "网页"), ("pdf", "PDF"))


def _year(request: HttpRequest) -> int | None:
    return optional_year(request.GET)


@login_required
def downloads(request: HttpRequest, code: str) -> HttpResponse:
    """The reports that exist for the region and year: overall and one per action where the year has
    statuses, the 考核结果通报 where its 考核 is published, the 督导通报 of its 责任清单 rounds; a year
    with none says so and offers the years that have some."""
    region = region_for_user(request.user, code, Need.VIEW)
    supervision = region_scope_for(request.user).may(Need.REVIEW)  # the 督导通报's own right
    years = report_years(region, supervision=supervision)
    year = _year(request) or (years[-1] if years else None)
    found = reports_of_year(region, year, supervision=supervision) if year else None
    actions: list[tuple[int, str]] = []
    basis = None
    if found is not None and found.monitoring:
        try:
            plan, basis = plan_and_basis(region)
            actions = [(a.seq, a.name) for a in plan.actions]
        except ReportError:
            pass
    return render(
        request,
        "reports/downloads.html",
        {
            "region": region,
            "year": year,
            "years": years,
            "found": found,
            "actions": actions,
            "formats": FORMAT_LABELS,
            "pdf_missing": None if libreoffice() else missing_message(),
            "basis": basis,
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
