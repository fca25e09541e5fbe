"""Every 考核 page: the city office sees it, outsiders get 403/404, writes need the office."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from web.assessment.models import Adjustment, AssessmentResult, ReviewedValue
from web.assessment.services import assessment_publish
from web.assessment.tests.conftest import B, C, Counties

Url = Callable[[Counties], str]


def _published(c: Counties) -> int:
    return assessment_publish(scheme=c.scheme, user=c.office).version


VIEWS: list[tuple[str, Url]] = [
    ("schemes", lambda c: f"/assessment/{c.city.code}/"),
    ("results", lambda c: f"/assessment/schemes/{c.scheme.pk}/"),
    ("edit", lambda c: f"/assessment/schemes/{c.scheme.pk}/edit/"),
    ("version", lambda c: f"/assessment/schemes/{c.scheme.pk}/versions/{_published(c)}/"),
    ("self", lambda c: f"/assessment/schemes/{c.scheme.pk}/self/{B}/"),
    ("review", lambda c: f"/assessment/schemes/{c.scheme.pk}/review/{B}/"),
    ("trace", lambda c: f"/assessment/schemes/{c.scheme.pk}/trace/{B}/{c.indicators[0].pk}/"),
]
POSTS: list[tuple[str, Url]] = [
    ("publish", lambda c: f"/assessment/schemes/{c.scheme.pk}/publish/"),
    ("copy", lambda c: f"/assessment/schemes/{c.scheme.pk}/copy/"),
    ("review", lambda c: f"/assessment/schemes/{c.scheme.pk}/review/{B}/"),
]


@pytest.mark.parametrize(("name", "url"), VIEWS, ids=[n for n, _ in VIEWS])
def test_the_city_office_sees_every_page(client: Client, counties: Counties, name: str, url: Url) -> None:
    client.force_login(counties.office)
    response = client.get(url(counties))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "url"), VIEWS, ids=[n for n, _ in VIEWS])
def test_a_county_of_another_city_sees_none(client: Client, counties: Counties, name: str, url: Url) -> None:
    client.force_login(counties.outsider)
    assert client.get(url(counties)).status_code in (403, 404)


@pytest.mark.parametrize(("name", "url"), VIEWS, ids=[n for n, _ in VIEWS])
def test_anonymous_visitors_go_to_the_login_page(
    client: Client, counties: Counties, name: str, url: Url
) -> None:
    response = client.get(url(counties))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize(("name", "url"), POSTS, ids=[n for n, _ in POSTS])
@pytest.mark.parametrize("who", ["outsider", "leader", "county_admin"])
def test_only_the_office_may_write(client: Client, counties: Counties, name: str, url: Url, who: str) -> None:
    client.force_login(getattr(counties, who))
    response = client.post(url(counties), {"action": "adjust", "kind": "veto", "reason": "x"})
    assert response.status_code in (403, 404)
    assert not AssessmentResult.objects.exists()
    assert not Adjustment.objects.exists()


def test_a_county_sees_its_self_assessment_but_not_the_citys_ranking(
    client: Client, counties: Counties
) -> None:
    client.force_login(counties.county_admin)
    response = client.get(f"/assessment/schemes/{counties.scheme.pk}/self/{B}/")
    assert response.status_code == 200
    assert "自评得分" in response.content.decode()
    assert client.get(f"/assessment/schemes/{counties.scheme.pk}/self/{C}/").status_code == 403
    assert client.get(f"/assessment/schemes/{counties.scheme.pk}/").status_code == 403


def test_the_office_reviews_adjusts_and_publishes_through_the_pages(
    client: Client, counties: Counties
) -> None:
    client.force_login(counties.office)
    base = f"/assessment/schemes/{counties.scheme.pk}"
    literacy = counties.indicators[0]
    client.post(
        f"{base}/review/{C}/",
        {"action": "review", "indicator": literacy.pk, "year": 2022, "value": "22", "reason": "抽查复核"},
    )
    client.post(f"{base}/review/{C}/", {"action": "adjust", "kind": "bonus", "points": "1", "reason": "表彰"})
    assert ReviewedValue.objects.get().reason == "抽查复核"
    page = client.get(f"{base}/").content.decode()
    assert "69.57" in page
    assert "表彰" in page
    trace = client.get(f"{base}/trace/{C}/{literacy.pk}/").content.decode()
    assert "抽查复核" in trace
    assert "上报值为15" in trace
    response = client.post(f"{base}/publish/")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert AssessmentResult.objects.get().version == 1


def test_a_bad_number_in_review_is_a_chinese_message(client: Client, counties: Counties) -> None:
    client.force_login(counties.office)
    base = f"/assessment/schemes/{counties.scheme.pk}"
    response = client.post(
        f"{base}/review/{C}/",
        {"action": "review", "indicator": counties.indicators[0].pk, "value": "abc", "reason": "x"},
        follow=True,
    )
    assert "的复核值」：应为数字" in response.content.decode()
    assert not ReviewedValue.objects.exists()


def test_the_office_creates_and_edits_a_scheme(client: Client, counties: Counties) -> None:
    client.force_login(counties.office)
    form = {"year": "2024", "organisation-宣传": "on"} | {
        f"indicator-{i.pk}": "on" for i in counties.indicators
    }
    response = client.post(f"/assessment/{counties.city.code}/", form)
    assert response.status_code == 302
    edit = response["Location"]
    assert client.get(edit).status_code == 200
    data = {
        "title": "",
        "bands": "优秀90，良好80，待改进0",
        "lowest_grade": "待改进",
        "bonus_cap": "3",
        "quota_grade": "优秀",
        "quota_percent": "30",
        "tie_break": "achieved",
    } | {f"points-{i.pk}": "20" for i in counties.indicators}
    assert client.post(edit, data).status_code == 302
    from web.assessment.models import AssessmentScheme

    scheme = AssessmentScheme.objects.get(year=2024)
    assert scheme.grade_bands[-1] == {"name": "待改进", "floor": 0}
    assert scheme.organisation_items.get().name == "宣传"
