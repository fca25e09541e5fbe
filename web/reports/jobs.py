"""Reports drafted on a worker: the PDF (LibreOffice, 3–10 s a report) never holds a web process."""

from __future__ import annotations

import tempfile
from pathlib import Path

from healthaction.reports import ReportError, render_report
from web.jobs.registry import JobContext, JobError, Outcome, ResultFile, job
from web.regions.models import Region
from web.reports.source import report_data

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}
STEPS = {"pdf": "生成 Word 版并由 LibreOffice 转换为 PDF", "docx": "生成 Word 版"}


@job("reports.build")
def report_build(context: JobContext) -> Outcome:
    """params: region (code), kind, fmt, year, action (seq or None); the view checked the user's scope."""
    p = context.params
    region = Region.objects.filter(code=p["region"]).first()
    if region is None:
        raise JobError(f"地区「{p['region']}」已不存在")
    context.progress(10, "汇总审核通过的数据")
    try:
        data = report_data(p["kind"], region, int(p["year"]), action=p.get("action"))
        context.progress(40, STEPS.get(p["fmt"], "生成报告"))
        with tempfile.TemporaryDirectory(prefix="healthaction-report-") as folder:
            path = render_report(data, Path(folder) / f"report.{p['fmt']}")
            content = path.read_bytes()
    except ReportError as exc:
        raise JobError(str(exc)) from exc
    return Outcome(file=ResultFile(f"{data.title}.{p['fmt']}", content, FORMATS[p["fmt"]]))
