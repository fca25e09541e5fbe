from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext

from web.accounts.scope import region_allowed, region_scope_for
from web.dashboards.cache import cached, generation_of, key, region_by_code
from web.dashboards.selectors import (
    LEAGUE_PAGE,
    STATUS_LABELS,
    STATUS_ORDER,
    indicator_chart,
    indicator_statuses,
    league_of_level,
    league_table,
    league_years,
    region_overview,
    status_years,
)
from web.dashboards.templatetags.ha import STATUS_CLASS
from web.monitoring.selectors import indicators_for
from web.parameters import optional_year
from web.plans.models import Indicator
from web.regions.models import Region


def _years(region: Region, token: str) -> list[int]:
    """The subtree's years with statuses, once per generation (the year menu and the default year)."""
    return cached(token, ("status-years", region.pk), partial(status_years, region))


def _year(request: HttpRequest, region: Region, token: str) -> int | None:
    chosen = optional_year(request.GET)
    if chosen is not None:
        return chosen
    years = _years(region, token)
    return years[-1] if years else None


def _lazy(compute: Callable[[], dict[str, Any]], *names: str) -> dict[str, Callable[[], Any]]:
    """Context entries the template calls only when it renders them: not at all when its
    `{% cache %}` part is cached. `compute` runs once, for the first of them."""
    once = cache(compute)
    return {name: partial(lambda n: once()[n], name) for name in names}


def _part(token: str, *parts: object) -> str:
    """The cache key of a page's cached part: generation, page, arguments, language."""
    return key(token, *parts, get_language())


# The overview lists this many lagging indicators, then links to the full list (a province lags on 100).
LAGGING_SHOWN = 20
_ID = 987654321  # reversed once, then filled in: a reversal per row costs more than the row


def _href(name: str, *args: str) -> str:
    """The URL of `name` for `args` and one more argument, as a format string with {} for that argument."""
    head, _, tail = reverse(name, args=[*args, _ID]).rpartition(str(_ID))
    return head.replace("{", "{{").replace("}", "}}") + "{}" + tail.replace("{", "{{").replace("}", "}}")


def _no_value(status: str) -> str:
    return gettext("该年没有审核通过的监测值") if status == "NO_DATA" else ""


def _parent(region: Region, ancestors: list[Region]) -> Region | None:
    if ancestors and ancestors[-1].pk == region.parent_id:
        return ancestors[-1]
    return region.parent


def _status(request: HttpRequest) -> str | None:
    """``?status=lagging`` (a status card's link, in lower case) → LAGGING; an unknown word is a 400."""
    raw = request.GET.get("status", "")
    if not raw:
        return None
    code = raw.strip().upper()
    if code not in STATUS_LABELS:
        raise BadRequest(gettext("不认识的状态「%(raw)s」：请从总览页的状态卡片进入") % {"raw": raw[:20]})
    return code


@login_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    """The region's year: status cards (each a link to its indicators: ``?status=``), the lagging
    indicators first, the actions' and the children's counts."""
    token = generation_of(request)
    region = region_allowed(request.user, region_by_code(token, code))
    year = _year(request, region, token)
    every = request.GET.get("lagging") == "all"
    status = _status(request)
    scope = region_scope_for(request.user)
    # The link up only for those who may go there: the office of 白银市 sees 甘肃省 named, not linked.
    up = scope.everything or (scope.root is not None and scope.root.pk != region.pk)

    def body() -> dict[str, Any]:
        """What the page's cached part shows: read only when it is not cached."""
        ancestors = region.ancestors()  # one read for the title and the link up
        names = [r.name for r in ancestors if r.level >= Region.Level.CITY] + [region.name]
        found: dict[str, Any] = {"full_name": "".join(names), "parent": _parent(region, ancestors)}
        if year is None:
            return found
        data = region_overview(region, year)
        if status is not None:
            # One status's indicators, all of them (无数据 included), in place of the lagging head.
            every_row = [r for r in data["rows"] if r["status"] == status]
            data = {**data, "lagging": every_row}
        lagging = data["lagging"] if every or status else data["lagging"][:LAGGING_SHOWN]
        more = len(lagging) < len(data["lagging"])
        indicator_href = _href("indicator", region.code)
        overview_href = reverse("overview", args=[region.code])
        child_href = _href("overview")
        found.update(
            totals=data["totals"],
            actions=data["actions"],
            lagging=[
                (
                    f"{indicator_href.format(r['indicator_id'])}?year={year}",
                    r["indicator_name"],
                    STATUS_CLASS.get(r["status"], "none"),
                    STATUS_LABELS.get(r["status"], r["status"]),
                    r["explanation"] or _no_value(r["status"]),
                )
                for r in lagging
            ],
            lagging_total=len(data["lagging"]),
            lagging_all=f"{overview_href}?year={year}&lagging=all" if more else "",
            children=[(child_href.format(child["code"]), child, cells) for child, cells in data["children"]],
        )
        return found

    context: dict[str, object] = {
        "region": region,
        "year": year,
        "years": _years(region, token),
        "headers": [STATUS_LABELS[s] for s in STATUS_ORDER],
        "up": up,
        "status": status,
        "status_label": gettext(STATUS_LABELS[status]) if status else "",
        "part": _part(token, "overview", region.pk, year, every, up, status),
        **_lazy(
            body,
            "full_name",
            "parent",
            "totals",
            "actions",
            "lagging",
            "lagging_total",
            "lagging_all",
            "children",
        ),
    }
    return render(request, "dashboards/overview.html", context)


@login_required
def indicator(request: HttpRequest, code: str, indicator_id: int) -> HttpResponse:
    token = generation_of(request)
    region = region_allowed(request.user, region_by_code(token, code))
    year = optional_year(request.GET)  # the year its row is marked in, and the overview it leads back to
    # The indicator by the generation too (a save of an indicator replaces it): one query fewer a view.
    item = cached(token, ("indicator", indicator_id), Indicator.objects.filter(pk=indicator_id).first)
    if item is None:
        raise Http404(gettext("页面不存在"))
    exists = indicators_for(region).filter(pk=item.pk).exists
    if not cached(token, ("has-indicator", region.pk, item.pk), exists):
        raise Http404(gettext("这个地区没有该指标"))

    def body() -> dict[str, Any]:
        statuses = indicator_statuses(item, region)
        return {
            "statuses": statuses,
            "years": [s.year for s in statuses],
            "chart": indicator_chart(item, region, statuses),
        }

    context = {
        "region": region,
        "indicator": item,
        "year": year,
        # Translated here: `{% translate %}` cannot take a looked-up value.
        "labels": {code: gettext(label) for code, label in STATUS_LABELS.items()},
        "part": _part(token, "indicator", region.pk, item.pk, year),
        **_lazy(body, "statuses", "years", "chart"),
    }
    return render(request, "dashboards/indicator.html", context)


LEVELS = {"province": Region.Level.PROVINCE, "city": Region.Level.CITY, "county": Region.Level.COUNTY}


def _page(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@login_required
def league(request: HttpRequest, code: str) -> HttpResponse:
    """The children's league, ranked among themselves; with ``?level=county`` every county of the
    subtree (a country's 2,844), best score first, a page of LEAGUE_PAGE at a time."""
    token = generation_of(request)
    region = region_allowed(request.user, region_by_code(token, code))
    year = _year(request, region, token)
    level = request.GET.get("level", "")
    page = _page(request) if level in LEVELS else 1

    def body() -> dict[str, Any]:
        href = _href("overview")
        if level not in LEVELS:
            rows = league_table(region, year) if year else []
            return {
                "rows": [(href.format(r.region.code), r, r.rank) for r in rows],
                "pages": [],
                "years": league_years(region),
            }
        found, total = league_of_level(region, year, LEVELS[level], page) if year else ([], 0)
        first = (page - 1) * LEAGUE_PAGE
        pages = range(1, (total + LEAGUE_PAGE - 1) // LEAGUE_PAGE + 1)
        return {
            "rows": [(href.format(r.region.code), r, first + n) for n, r in enumerate(found, start=1)],
            "pages": [(n, f"?year={year}&level={level}&page={n}", n == page) for n in pages],
            "years": league_years(region),
        }

    context = {
        "region": region,
        "year": year,
        "part": _part(token, "league", region.pk, year, level if level in LEVELS else "", page),
        **_lazy(body, "rows", "pages", "years"),
    }
    return render(request, "dashboards/league.html", context)
