"""The landing page (the site's root, where login leads): each role's desk for the chosen year."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext

from web.accounts.models import Role
from web.accounts.scope import region_scope_for, signed_in_user
from web.dashboards.selectors import latest_year, league_table, region_overview, status_years
from web.home import selectors
from web.monitoring.selectors import indicators_for
from web.parameters import optional_year
from web.regions.models import Region
from web.tasks.selectors import leader_tasks_of

# The landing page lists this many lagging indicators and league rows; the pages they link to list all.
SHOWN = 8


@login_required
def home(request: HttpRequest) -> HttpResponse:
    scope = region_scope_for(request.user)
    if scope.root is None:
        if scope.everything:
            roots = Region.objects.filter(documents__isnull=False).distinct().order_by("code")
            return render(request, "home/admin.html", {"roots": roots})
        raise PermissionDenied(gettext("您的账户还没有分配角色，请联系办公室管理员"))
    region = scope.root
    if not indicators_for(region).exists():
        # A region with a 责任清单 and no indicator plan (西夏区) has nothing to show on the
        # indicator pages: its people land where their work is.
        return redirect("task-list", code=region.code)
    today = timezone.localdate()
    years = status_years(region)
    year = optional_year(request.GET) or latest_year(region)
    context: dict[str, Any] = {"region": region, "year": year, "years": years, "role": scope.role}
    if year is not None and year in years:
        overview = region_overview(region, year)
        context.update(
            totals=overview["totals"],
            lagging=overview["lagging"][:SHOWN],
            lagging_total=len(overview["lagging"]),
            charts=selectors.status_charts(overview["totals"], overview["children"]),
        )
    if scope.role == Role.CLERK:
        context["desk"] = selectors.clerk_desk(scope, today)
        return render(request, "home/clerk.html", context)
    if scope.role == Role.LEADER:
        context["league"] = league_table(region, year)[:SHOWN] if year else []
        context["tasks"] = leader_tasks_of(signed_in_user(request.user))
        return render(request, "home/leader.html", context)
    context.update(
        pending=selectors.pending_approvals(region),
        unreported=selectors.unreported(region, today),
        rectifications=selectors.open_rectifications(region, today),
    )
    return render(request, "home/office.html", context)
