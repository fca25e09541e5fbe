"""The 报告下载 page offers exactly the reports that exist for its year: 监测评估 and 专题报告 where the
year has approved values, the 考核结果通报 only where that year's 考核 is published, the 督导通报 of a
责任清单's rounds to those who may read it; a year with none says so and offers the years with some."""

from __future__ import annotations

import re
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from web.assessment.services import assessment_publish
from web.assessment.tests.conftest import Counties, counties  # noqa: F401  (the 考核 fixture)
from web.conftest import PINGCHUAN, World
from web.monitoring.models import Observation
from web.tasks.models import ProgressReport, Task
from web.tasks.tests.conftest import Xixia, xixia  # noqa: F401  (the 西夏区 责任清单 fixture)


def _headings(page: str) -> list[str]:
    return re.findall(r"<h2>([^<]+)</h2>", page)


def test_a_year_with_values_offers_the_monitoring_reports_and_no_unpublished_notice(
    client: Client, world: World
) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=Decimal(18), state="approved"
    )
    client.force_login(world.pingchuan_admin)
    page = client.get(f"/reports/{PINGCHUAN}/").content.decode()
    assert "2021年报告下载" in page  # the latest year with a report, when none is asked for
    assert _headings(page) == ["总体监测评估报告", "专项行动实施进展专题报告"]
    assert f"/reports/{PINGCHUAN}/overall.docx?year=2021" in page
    assert "/assessment." not in page


def test_a_year_without_reports_says_so_and_offers_the_years_with_some(client: Client, world: World) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=Decimal(18), state="approved"
    )
    client.force_login(world.pingchuan_admin)
    response = client.get(f"/reports/{PINGCHUAN}/?year=2030")
    page = response.content.decode()
    assert response.status_code == 200
    assert "2030年没有可下载的报告" in page
    assert _headings(page) == []
    assert '<a href="?year=2021">2021年</a>' in page
    assert client.get(f"/reports/{PINGCHUAN}/?year=二〇三〇").status_code == 400


def test_the_assessment_notice_is_offered_for_the_year_it_is_published(
    client: Client,
    counties: Counties,  # noqa: F811
) -> None:
    client.force_login(counties.office)
    url = f"/reports/{counties.city.code}/?year=2022"
    assert "考核结果通报" not in _headings(client.get(url).content.decode())
    assessment_publish(scheme=counties.scheme, user=counties.office)
    page = client.get(url).content.decode()
    assert "考核结果通报" in _headings(page)
    assert f"/reports/{counties.city.code}/assessment.docx?year=2022" in page
    assert "考核结果通报" not in _headings(
        client.get(f"/reports/{counties.city.code}/?year=2021").content.decode()
    )


def test_a_responsibility_list_region_offers_its_supervision_notices(
    client: Client,
    xixia: Xixia,  # noqa: F811
) -> None:
    task = Task.objects.filter(region=xixia.region, department_roles__department=xixia.health).first()
    assert task is not None
    measure = task.measures.first()
    assert measure is not None
    ProgressReport.objects.create(
        measure=measure, department=xixia.health, round="2021H1", status="in_progress",
        submitted_at=timezone.now(),
    )  # fmt: skip
    client.force_login(xixia.office)
    page = client.get(f"/reports/{xixia.region.code}/").content.decode()
    assert "2021年报告下载" in page
    assert _headings(page) == ["督导通报"]
    assert f"/tasks/{xixia.region.code}/supervision/report.docx?round=2021H1" in page
    assert "2021年上半年" in page
    client.force_login(xixia.clerk)  # a clerk may not read the 督导通报: nothing is offered
    page = client.get(f"/reports/{xixia.region.code}/").content.decode()
    assert "督导通报" not in page
    assert "还没有可下载的报告" in page
