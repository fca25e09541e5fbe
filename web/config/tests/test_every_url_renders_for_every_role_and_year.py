"""Every URL pattern of the site, with real ids, for every role and for a past, the open and a future
year: no page answers 500.

The patterns come from the urlconf itself (a new page is crawled the day it is added); path
parameters are filled from the test world. Each URL is requested with GET and with an empty POST
(where most 500s of malformed input hide). The counts are printed: URLs × roles × years.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone

from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.assessment.services import scheme_create
from web.conftest import PASSWORD, World
from web.monitoring.models import Evidence, Observation, ReportingRound
from web.monitoring.services import observation_save
from web.plans.models import PlanDocument
from web.supervision.services import rectification_create
from web.tasks.models import ProgressReport, Task, TaskConfirmation
from web.tasks.tests.conftest import Xixia, xixia  # noqa: F401  (the fixture, used below)

# Downloads that start LibreOffice or write whole reports: one format stands for the others.
SLOW = re.compile(r"\.pdf$|/reports/[^/]+/[^/]+\.(docx|html)$|/admin/.*/(delete|history)/$")
NEVER = re.compile(r"^/logout/")  # it ends the crawler's session
# Pages whose year comes in the query string.
YEAR_IN_QUERY = {"overview", "league", "indicator", "reports-downloads", "reports-download", "task-list"}
# The admin's pages are crawled as the system admin, a clerk and an anonymous visitor.
ADMIN_ROLES = {"admin", "clerk", "anonymous"}
# What the Content-Security-Policy would block: an inline <script> (JSON data islands are not run),
# a style="" attribute, an on…="" handler.
INLINE = re.compile(
    r'<script(?![^>]*\bsrc=)(?![^>]*type="application/json")[^>]*>|\sstyle="|\son[a-z]+="', re.IGNORECASE
)


def _inline(response: HttpResponse) -> bool:
    if "text/html" not in response.get("Content-Type", "") or getattr(response, "streaming", False):
        return False
    return bool(INLINE.search(response.content.decode()))


@dataclass(frozen=True)
class Pattern:
    route: str  # "monitoring/<str:code>/<int:year>/"
    name: str

    @property
    def params(self) -> list[str]:
        return [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)", self.route)]


def _walk(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[Pattern]:
    for entry in patterns:
        pattern = entry.pattern
        text = str(pattern) if isinstance(pattern, RoutePattern) else pattern.regex.pattern
        if isinstance(pattern, RegexPattern):
            text = text.lstrip("^").rstrip("$").replace(r"\Z", "")
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + text, inner)
        else:
            yield Pattern(route=prefix + text, name=f"{namespace}{entry.name or ''}")


@dataclass
class Crawl:
    world: World
    values: dict[str, list[str]]  # parameter → values to try (ids from the world)
    by_name: dict[str, dict[str, list[str]]]  # url name → parameter → values (ids of its own model)
    users: dict[str, User | None]
    years: dict[str, int]


def _admin_objects() -> dict[str, str]:
    """admin:app_model_change → a pk of that model."""
    from django.contrib import admin

    found = {}
    for model in admin.site._registry:
        row = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        if row is not None:
            found[f"{model._meta.app_label}_{model._meta.model_name}"] = str(row)
    return found


@pytest.fixture
def crawl(world: World, xixia: Xixia) -> Crawl:  # noqa: F811
    today = timezone.localdate()
    literacy = world.literacy
    submitted = observation_save(
        region=world.pingchuan,
        indicator=literacy,
        year=2022,
        value=Decimal("19.6"),
        comment="",
        user=world.pingchuan_clerk,
        version=None,
        submit=True,
    )
    Observation.objects.create(
        region=world.pingchuan, indicator=world.smoking, year=2021, value=Decimal(25), state="approved"
    )
    evidence = Evidence.objects.create(
        observation=submitted,
        file="monitoring/evidence/none.pdf",
        original_name="x.pdf",
        size=1,
        content_type="x",
    )
    scheme = scheme_create(region=world.baiyin, year=2022, indicators=[literacy, world.smoking])
    task = Task.objects.filter(region=xixia.region, department_roles__department=xixia.health).first()
    assert task is not None
    measure = task.measures.first()
    assert measure is not None
    rectification = rectification_create(
        region=xixia.region,
        department=xixia.health,
        issue="未按期报送",
        round="2021H2",
        due_on=today,
        user=None,
    )
    ProgressReport.objects.create(
        measure=measure,
        department=xixia.health,
        round="2021H2",
        status="in_progress",
        submitted_at=timezone.now(),
    )
    # A confirmation whose confirmer's account is gone since: the page must still render.
    TaskConfirmation.objects.create(
        task=task, round="2021H2", department=xixia.health, confirmed_by=None, confirmed_at=timezone.now()
    )
    ReportingRound.objects.create(
        region=xixia.region, year=2022, opens_on=today.replace(year=today.year - 1), closes_on=today
    )
    admin = User.objects.create_superuser("root", "root@example.com", PASSWORD)
    xixia_leader = user_create_or_update(
        username="xixia_leader", password=PASSWORD, full_name="领导", role=Role.LEADER, region=xixia.region
    )
    document = PlanDocument.objects.order_by("pk").first()
    assert document is not None
    codes = [world.pingchuan.code, world.baiyin.code, xixia.region.code, "999999"]
    return Crawl(
        world=world,
        values={
            "code": codes,
            "round_code": ["2021H2", "2019H1", "2031H2", "2021H9"],
            "fmt": ["xlsx", "docx", "pdf", "csv"],
            "kind": ["overall", "action", "assessment", "other"],
            "token": ["0" * 32],
            "item": [f"indicator-{literacy.pk}", "organisation-1", "x"],
            "version": ["1", "99"],
            "indicator_id": [str(literacy.pk), "999999"],
            "plan_id": [str(document.pk), "999999"],
            "app_label": ["monitoring"],
            "url": ["nothing/"],
            "content_type_id": ["1"],
            "object_id": ["1"],
        },
        by_name={
            "evidence-download": {"pk": [str(evidence.pk)]},
            "decide": {"pk": [str(submitted.pk)]},
            "history": {"pk": [str(submitted.pk)]},
            "plan-detail": {"pk": [str(document.pk)]},
            "plan-file": {"pk": [str(document.pk)]},
            "task-detail": {"pk": [str(task.pk)]},
            "task-edit": {"pk": [str(task.pk)], "code": [xixia.region.code, world.pingchuan.code]},
            "task-confirm": {"pk": [str(task.pk)]},
            "task-rectification-close": {"pk": [str(rectification.pk)]},
            **{
                name: {"pk": [str(scheme.pk)], "code": [world.pingchuan.code, world.huining.code]}
                for name in (
                    "assessment-results",
                    "assessment-edit",
                    "assessment-publish",
                    "assessment-copy",
                    "assessment-version",
                    "assessment-self",
                    "assessment-review",
                    "assessment-trace",
                )
            },
        },
        users={
            "anonymous": None,
            "admin": admin,
            "office": world.office,
            "county": world.pingchuan_admin,
            "clerk": world.pingchuan_clerk,
            "leader": world.leader,
            "outsider": world.huining_admin,
            "xixia_clerk": xixia.clerk,
            "xixia_leader": xixia_leader,
            "nobody": world.nobody,
        },
        years={"past": 2019, "open": 2022, "future": today.year + 5},
    )


def _urls(crawl: Crawl, pattern: Pattern, year: int, admin_pks: dict[str, str]) -> list[str]:
    params = pattern.params
    if not params:
        return ["/" + pattern.route]
    choices: list[list[str]] = []
    own = crawl.by_name.get(pattern.name, {})
    for param in params:
        if param == "year":
            choices.append([str(year)])
        elif param in own:
            choices.append(own[param])
        elif param in ("pk", "object_id") and pattern.name.startswith("admin:"):
            model = pattern.name.split(":")[1].rsplit("_", 1)[0]
            choices.append([admin_pks.get(model, "1")])
        elif param == "pk":
            choices.append(["1"])
        else:
            choices.append(crawl.values.get(param, ["x"])[:2])
    urls = []
    for combination in itertools.product(*choices):
        url = pattern.route
        for value in combination:
            url = re.sub(r"<(?:\w+:)?\w+>|\(\?P<\w+>[^)]*\)", value, url, count=1)
        urls.append("/" + url.replace("\\", ""))
    return urls


def test_no_url_answers_500_for_any_role_or_year(crawl: Crawl) -> None:
    admin_pks = _admin_objects()
    patterns = [p for p in _walk(get_resolver().url_patterns) if p.name != "static"]
    urls: set[tuple[str, str]] = set()  # (url, year label)
    for pattern in patterns:
        years = crawl.years.items() if "year" in (pattern.params) else [("none", 0)]
        for label, year in years:
            for url in _urls(crawl, pattern, year, admin_pks):
                if not SLOW.search(url) and not NEVER.search(url):
                    urls.add((url, label))
                    if pattern.name in YEAR_IN_QUERY:  # the pages that take ?year=, for each year
                        urls.update((f"{url}?year={y}", name) for name, y in crawl.years.items())
    failures: list[str] = []
    inline: set[str] = set()
    requests = 0
    for role, user in crawl.users.items():
        client = Client(raise_request_exception=False)
        for url, _label in sorted(urls):
            if url.startswith("/admin/") and role not in ADMIN_ROLES:
                continue  # the others are sent to the admin's login page, all alike
            for method in ("get", "post"):
                if user is not None:
                    client.force_login(user)  # a POST to /i18n/ or an admin page may end the session
                response = getattr(client, method)(url)
                requests += 1
                if response.status_code >= 500:
                    failures.append(f"{role} {method.upper()} {url} → {response.status_code}")
                elif method == "get" and _inline(response):
                    inline.add(url)
    year_urls = sum(1 for _, label in urls if label != "none")
    print(
        f"crawl: {len(patterns)} patterns, {len(urls)} URLs ({year_urls} of them for past/open/future years)"
        f" × {len(crawl.users)} roles × GET+POST = {requests} requests, {len(failures)} server errors"
    )
    assert not failures, "\n".join(failures[:40]) + f"\n… {len(failures)} in all"
    # The Content-Security-Policy allows no inline script or style: no page may carry one.
    assert not inline, sorted(inline)[:20]


def test_the_years_tried_are_past_open_and_future(crawl: Crawl) -> None:
    assert crawl.years["past"] < crawl.years["open"] < timezone.localdate().year < crawl.years["future"]
