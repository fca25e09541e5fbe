"""Report downloads: the office gets a file, outsiders get 403, an unpublished 考核 is explained."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest
from django.test import Client

from web.assessment.services import assessment_publish
from web.assessment.tests.conftest import Counties, counties  # noqa: F401  (the 考核 fixture)
from web.conftest import PINGCHUAN, World
from web.monitoring.models import Observation


def _approved(world: World) -> None:
    for year, value in ((2021, 18), (2022, 23)):
        Observation.objects.create(
            region=world.pingchuan,
            indicator=world.literacy,
            year=year,
            value=Decimal(value),
            state=Observation.State.APPROVED,
        )


def _body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_the_office_downloads_the_overall_report(client: Client, world: World, fmt: str) -> None:
    _approved(world)
    client.force_login(world.office)
    response = client.get(f"/reports/{PINGCHUAN}/overall.{fmt}?year=2022")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = _body(response)
    if fmt == "docx":
        text = "".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)
        assert "平川区" in text
        assert "23" in text
    elif fmt == "html":
        assert "平川区" in body.decode()
    else:
        assert body[:2] == b"PK"


def test_the_download_page_lists_every_action(client: Client, world: World) -> None:
    _approved(world)
    client.force_login(world.pingchuan_admin)
    page = client.get(f"/reports/{PINGCHUAN}/?year=2022").content.decode()
    assert "总体监测评估报告" in page
    assert "健康知识普及行动" in page
    assert "控烟行动" in page
    assert f"/reports/{PINGCHUAN}/action.docx?year=2022&amp;action=2" in page


@pytest.mark.parametrize("url", [f"/reports/{PINGCHUAN}/", f"/reports/{PINGCHUAN}/overall.docx?year=2022"])
def test_an_outsider_is_refused(client: Client, world: World, url: str) -> None:
    _approved(world)
    for user in (world.huining_admin, world.nobody):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_the_assessment_notice_is_downloaded_once_published(
    client: Client,
    counties: Counties,  # noqa: F811
) -> None:
    url = f"/reports/{counties.city.code}/assessment.docx?year=2022"
    client.force_login(counties.office)
    refused = client.get(url, follow=True)
    assert "尚未发布" in refused.content.decode()
    assessment_publish(scheme=counties.scheme, user=counties.office)
    results = client.get(f"/assessment/schemes/{counties.scheme.pk}/").content.decode()
    assert f"/reports/{counties.city.code}/assessment.docx?year=2022" in results
    response = client.get(url)
    assert response.status_code == 200
    text = "".join(p.text for p in docx.Document(io.BytesIO(_body(response))).paragraphs)
    assert "考核结果" in text
    assert "白银区" in text
    client.force_login(counties.outsider)
    assert client.get(url).status_code == 403
    client.force_login(counties.county_admin)  # 平川区 may not read the city's notice
    assert client.get(url).status_code == 403
