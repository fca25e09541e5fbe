"""The engine's statuses for a region and year, as the dashboards show them."""

from __future__ import annotations

from functools import partial

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Query, Router

from web.accounts.scope import region_allowed
from web.api.schemas import ERRORS, ActionStatusOut, RegionRef, SeriesStatusOut, StatusCount, StatusesOut
from web.dashboards.cache import cached, generation_of, region_by_code
from web.dashboards.selectors import STATUS_LABELS, STATUS_ORDER, region_overview, status_years
from web.regions.models import Region

router = Router(tags=["评估结果"])


def _counts(cells: list[int]) -> list[StatusCount]:
    return [
        StatusCount(status=status, label=STATUS_LABELS[status], count=count)
        for status, count in zip(STATUS_ORDER, cells, strict=True)
    ]


@router.get(
    "/regions/{code}/statuses",
    response={200: StatusesOut, **ERRORS},
    summary="地区的指标评估结果",
)
def region_statuses(request: HttpRequest, code: str, year: Query[int | None] = None) -> HttpResponse:
    """评估引擎对该地区每个指标在某一年的判定（已达标、进度正常、进度滞后、严重滞后、无数据），
    与仪表盘相同；审核通过一个值后立即重新计算。`year` 默认为最近有结果的年份。"""
    token = generation_of(request)
    region = region_allowed(request.user, region_by_code(token, code))
    if year is None:
        years = cached(token, ("status-years", region.pk), partial(status_years, region))
        year = years[-1] if years else None
    # The JSON itself is cached with the dashboards' generation: an approval replaces it.
    from web.api.api import api  # the API's renderer (web.api.api imports this module)

    content = cached(
        token,
        ("api-statuses", region.pk, year, get_language()),
        lambda: api.renderer.render(request, _statuses(region, year).model_dump(), response_status=200),
    )
    return HttpResponse(content, content_type=api.get_content_type())


def _statuses(region: Region, year: int | None) -> StatusesOut:
    result = StatusesOut(
        region=RegionRef(code=region.code, name=region.name),
        year=year,
        totals=_counts([0] * len(STATUS_ORDER)),
        actions=[],
        series=[],
    )
    if year is None:
        return result
    overview = region_overview(region, year)
    result.totals = [
        StatusCount(status=status, label=label, count=count) for label, count, status in overview["totals"]
    ]
    result.actions = [ActionStatusOut(action=a.name, counts=_counts(a.cells)) for a in overview["actions"]]
    result.series = [
        SeriesStatusOut(
            indicator_id=r["indicator_id"],
            indicator=r["indicator_name"],
            status=r["status"],
            label=STATUS_LABELS.get(r["status"], r["status"]),
            value=r["value"],
            expected=r["expected"],
            target=r["target"],
            target_year=r["target_year"],
            ratio=r["ratio"],
            explanation=r["explanation"],
        )
        for r in overview["rows"]  # most urgent first, as on the overview page
    ]
    return result
