"""The malformed parameters of issue 11 (item 7), each a 400 with a Chinese reason and nothing written."""

from __future__ import annotations

import pytest
from django.test import Client

from web.assessment.models import AssessmentScheme
from web.conftest import World
from web.tasks.tests.conftest import XIXIA, Xixia, xixia  # noqa: F401  (the fixture)

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "url",
    [
        f"/tasks/{XIXIA}/?department=abc",
        f"/tasks/{XIXIA}/progress/2021H2/?department=abc",
        f"/tasks/{XIXIA}/supervision/annual/{HUGE}/",
    ],
)
def test_a_malformed_task_parameter_is_a_400(client: Client, xixia: Xixia, url: str) -> None:  # noqa: F811
    client.force_login(xixia.office)
    response = client.get(url)
    assert response.status_code == 400
    assert "应为" in response.content.decode()


@pytest.mark.parametrize("where", ["/regions/{code}/", "/reports/{code}/", "/reports/{code}/overall.docx"])
@pytest.mark.parametrize("year", [HUGE, "abc", "-1", "２０２２"])
def test_a_malformed_year_in_the_query_is_a_400(client: Client, world: World, where: str, year: str) -> None:
    client.force_login(world.office)
    response = client.get(where.format(code=world.pingchuan.code), {"year": year})
    assert response.status_code == 400
    assert "年份" in response.content.decode()


@pytest.mark.parametrize("year", [HUGE, "20222", "abc", ""])
def test_a_new_scheme_with_an_impossible_year_is_refused(client: Client, world: World, year: str) -> None:
    client.force_login(world.office)
    response = client.post(
        f"/assessment/{world.baiyin.code}/", {"year": year, f"indicator-{world.literacy.pk}": "on"}
    )
    assert response.status_code == 400
    assert "考核年度" in response.content.decode()
    assert not AssessmentScheme.objects.exists()
