"""Monitoring's long work on the queue: recomputing every status of a subtree (a national recompute)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Min

from web.jobs.registry import JobContext, JobError, Outcome, job
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation
from web.monitoring.workbook import workbook_apply
from web.regions.models import Region


@job("monitoring.recompute")
def statuses_recompute(context: JobContext) -> Outcome:
    """params: region (code; absent: the whole country). Each group of siblings is evaluated together
    (ranks and roll-ups compare siblings), one transaction a group, so the dashboards show the new
    statuses group by group and a failure keeps the groups already done."""
    code = context.params.get("region")
    regions = Region.objects.all()
    if code:
        root = Region.objects.filter(code=code).first()
        if root is None:
            raise JobError(f"地区「{code}」不存在")
        regions = regions.filter(path__startswith=root.path)
    years = Observation.objects.aggregate(first=Min("year"), last=Max("year"))
    if years["first"] is None:
        return Outcome(summary={"lines": ["还没有监测值，无需计算"]})
    groups: dict[int | None, list[Region]] = {}
    for region in regions.order_by("path"):
        # The root of a subtree is compared with nobody but itself: its siblings are outside the job.
        parent = region.parent_id if not code or region.code != code else -region.pk
        groups.setdefault(parent, []).append(region)
    stored = 0
    span = range(years["first"] + 1, years["last"] + 1)
    for n, group in enumerate(groups.values(), start=1):
        with transaction.atomic():
            stored += statuses_refresh(regions=group, years=span)
        if n % 10 == 0 or n == len(groups):
            context.progress(int(100 * n / len(groups)), f"已计算 {n}/{len(groups)} 组地区")
    count = sum(map(len, groups.values()))
    line = f"重新计算了{count}个地区{span.start}–{span.stop - 1}年的{stored:,}条评估结果"
    return Outcome(summary={"lines": [line], "stored": stored})


@job("monitoring.workbook")
def workbook_upload(context: JobContext) -> Outcome:
    """params: region (code), year, submit; input: the uploaded .xlsx. All values or none are saved."""
    region = Region.objects.filter(code=context.params["region"]).first()
    user = User.objects.filter(pk=context.created_by_id or 0, is_active=True).first()
    if region is None or user is None or context.input_file is None:
        raise JobError("填报的地区、用户或文件已不存在，请重新上传")
    context.progress(10, f"读取并校验《{context.input_name}》")
    with tempfile.TemporaryDirectory(prefix="ha-upload-") as folder:
        path = Path(folder) / "upload.xlsx"
        path.write_bytes(context.input_file)
        try:
            upload = workbook_apply(
                path=path,
                file_name=context.input_name,
                region=region,
                year=int(context.params["year"]),
                user=user,
                submit=bool(context.params["submit"]),
            )
        except PermissionDenied as exc:  # the round closed while the file waited
            raise JobError(str(exc)) from exc
    notes = [[n.sheet, n.cell, n.message] for n in upload.notes]
    if upload.problems:
        problems = [[p.sheet, p.cell, p.message] for p in upload.problems]
        # Shown by the job page as the upload page shows them; nothing was saved.
        raise JobError(
            f"《{context.input_name}》有{upload.error_count}处问题，未保存任何数据；请改正后重新上传",
            summary={"problems": problems, "notes": notes},
        )
    verb = "提交" if context.params["submit"] else "保存"
    line = f"读取{upload.read:,}行，{verb}了{upload.saved:,}个监测值"
    return Outcome(summary={"lines": [line], "notes": notes})
