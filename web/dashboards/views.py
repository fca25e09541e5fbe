from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from web.accounts.scope import region_for_user, region_scope_for
from web.dashboards.selectors import (
    STATUS_LABELS,
    indicator_chart,
    latest_year,
    league_table,
    region_overview,
)
from web.monitoring.models import SeriesStatus
from web.monitoring.selectors import indicators_for
from web.plans.models import Indicator
from web.regions.models import Region


@login_required
def home(request: HttpRequest) -> HttpResponse:
    scope = region_scope_for(request.user)
    if scope.root is not None:
        return redirect("overview", code=scope.root.code)
    if scope.everything:
        roots = Region.objects.filter(documents__isnull=False).distinct().order_by("code")
        return render(request, "dashboards/home.html", {"roots": roots})
    raise PermissionDenied("您的账户还没有分配角色，请联系办公室管理员")


def _year(request: HttpRequest, region: Region) -> int | None:
    try:
        return int(request.GET["year"])
    except (KeyError, ValueError):
        return latest_year(region)


@login_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code)
    year = _year(request, region)
    context = {"region": region, "year": year, "labels": STATUS_LABELS, "years": range(2018, 2025)}
    if year is not None:
        context.update(region_overview(region, year))
    return render(request, "dashboards/overview.html", context)


@login_required
def indicator(request: HttpRequest, code: str, indicator_id: int) -> HttpResponse:
    region = region_for_user(request.user, code)
    item = get_object_or_404(Indicator, pk=indicator_id)
    if not indicators_for(region).filter(pk=item.pk).exists():
        raise Http404("这个地区没有该指标")
    statuses = SeriesStatus.objects.filter(indicator=item, region=region).order_by("year")
    chart = indicator_chart(item, region)
    return render(
        request,
        "dashboards/indicator.html",
        {"region": region, "indicator": item, "statuses": statuses, "labels": STATUS_LABELS, "chart": chart},
    )


@login_required
def league(request: HttpRequest, code: str) -> HttpResponse:
    region = region_for_user(request.user, code)
    year = _year(request, region)
    rows = league_table(region, year) if year else []
    return render(request, "dashboards/league.html", {"region": region, "year": year, "rows": rows})
