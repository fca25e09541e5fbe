"""Monitoring's long work on the queue: recomputing every status of a subtree (a national recompute)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, Min

from web.jobs.registry import JobContext, JobError, Outcome, job
from web.monitoring.evaluation import statuses_refresh
from web.monitoring.models import Observation
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
