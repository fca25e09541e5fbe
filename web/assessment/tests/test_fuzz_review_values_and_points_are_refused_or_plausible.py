"""Fuzz (hypothesis) of the 考核 number fields — 复核值, 加减分, 组织实施得分 and 分值: whatever is typed,
the page answers 302 (with a message) and then 200, never a server error; what is stored is finite,
within the rule's limits and the scheme's (a 加分 within the 加分上限), and a refusal stores nothing."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthaction.numbers import plausibility
from healthaction.tests.strategies import NUMBER_TEXT
from web.assessment.models import Adjustment, OrganisationItem, OrganisationScore, ReviewedValue
from web.assessment.tests.conftest import C, Counties

FUZZ = settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _post(client: Client, counties: Counties, data: dict[str, object]) -> None:
    client.force_login(counties.office)
    url = f"/assessment/schemes/{counties.scheme.pk}/review/{C}/"
    assert client.post(url, {"reason": "核查", **data}).status_code == 302
    assert client.get(url).status_code == 200


@FUZZ
@given(text=NUMBER_TEXT, which=st.integers(min_value=0, max_value=4))
def test_the_review_value(client: Client, counties: Counties, text: str, which: int) -> None:
    indicator = counties.indicators[which]
    _post(client, counties, {"action": "review", "indicator": indicator.pk, "value": text, "year": 2022})
    for review in ReviewedValue.objects.select_related("indicator"):
        if review.value is not None:
            assert plausibility(review.value, review.indicator.unit, name=review.indicator.name) is None
    ReviewedValue.objects.all().delete()


@FUZZ
@given(text=NUMBER_TEXT, kind=st.sampled_from(["bonus", "deduction", "veto", "其他"]))
def test_the_adjustment_points(client: Client, counties: Counties, text: str, kind: str) -> None:
    _post(client, counties, {"action": "adjust", "kind": kind, "points": text})
    for adjustment in Adjustment.objects.all():
        if adjustment.kind == "bonus":
            assert adjustment.points is not None
            assert 0 < adjustment.points <= counties.scheme.bonus_cap
        elif adjustment.kind == "deduction":
            assert adjustment.points is not None
            assert 0 < adjustment.points <= 1000
    Adjustment.objects.all().delete()


@FUZZ
@given(text=NUMBER_TEXT)
def test_the_organisation_score(client: Client, counties: Counties, text: str) -> None:
    item = OrganisationItem.objects.filter(scheme=counties.scheme).first()
    if item is None:
        item = OrganisationItem.objects.create(scheme=counties.scheme, name="宣传", max_points=Decimal(5))
    _post(client, counties, {"action": "organisation", "item": item.pk, "points": text})
    for score in OrganisationScore.objects.all():
        assert 0 <= score.points <= item.max_points
    OrganisationScore.objects.all().delete()


@FUZZ
@given(text=NUMBER_TEXT)
def test_the_points_of_an_item(client: Client, counties: Counties, text: str) -> None:
    client.force_login(counties.office)
    item = counties.scheme.items.select_related("indicator").first()
    assert item is not None
    before = item.points
    data = {
        "title": "",
        "bands": "优秀90，良好80，合格60",
        "lowest_grade": "不合格",
        "bonus_cap": "5",
        "quota_grade": "",
        "quota_percent": "",
        "tie_break": "",
        f"points-{item.indicator_id}": text,
    }
    response = client.post(f"/assessment/schemes/{counties.scheme.pk}/edit/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert counties.scheme.items.get(pk=item.pk).points == before
    else:
        for each in counties.scheme.items.all():  # a 分值 of 0 takes the item out of the scheme
            assert 0 < each.points < 1000000
