"""The annual 督导: the office records one finding per department (rating, finding, 整改), sees them
on the 督导 page and in the 督导通报; nobody else may."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from docx import Document
from openpyxl import load_workbook

from web.organisation.models import Department
from web.supervision.models import Rectification, SupervisionFinding, SupervisionRound
from web.tasks.tests.conftest import XIXIA, Xixia

PAGE = f"/tasks/{XIXIA}/supervision/annual/2021/"


def _finding(client: Client, department: Department, **fields: str) -> None:
    data = {"action": "finding", "department": str(department.pk), "rating": "poor", "text": "台账不全"}
    response = client.post(PAGE, data | fields)
    assert response.status_code == 302, response.content.decode()


def test_the_office_opens_the_years_round_and_records_findings(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.office)
    assert client.get(PAGE).status_code == 200
    client.post(PAGE, {"action": "round", "held_on": "2021-12-20", "note": "逐一督导"})
    annual = SupervisionRound.objects.get(region=xixia.region, year=2021)
    assert (str(annual.held_on), annual.note) == ("2021-12-20", "逐一督导")
    assert 'value="2021-12-20"' in client.get(PAGE).content.decode()  # the date picker's own format
    _finding(client, xixia.health, text="健康讲座台账不全", rectify_by="2022-03-31")
    finding = SupervisionFinding.objects.get(round=annual, department=xixia.health)
    assert finding.get_rating_display() == "差"
    item = finding.rectification
    assert item is not None
    assert (item.department, item.round, str(item.due_on)) == (xixia.health, "2021H2", "2022-03-31")
    assert "健康讲座台账不全" in item.issue
    html = client.get(f"/tasks/{XIXIA}/supervision/?round=2021H2").content.decode()
    assert "2021年度督导" in html
    assert "健康讲座台账不全" in html
    assert "逾期未整改" in client.get(PAGE).content.decode()  # today is past 2022-03-31


def test_saving_a_department_again_changes_its_one_finding(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.office)
    _finding(client, xixia.health, rectify_by="2022-03-31")
    _finding(
        client, xixia.health, rating="fair", text="已补齐台账", follow_up="复查通过", rectify_by="2022-04-30"
    )
    finding = SupervisionFinding.objects.get(department=xixia.health)
    assert (finding.rating, finding.text, finding.follow_up) == ("fair", "已补齐台账", "复查通过")
    assert Rectification.objects.count() == 1  # the first 整改 item stays the finding's own
    edit = client.get(f"{PAGE}?edit={finding.pk}").content.decode()
    assert "已补齐台账" in edit
    client.post(PAGE, {"action": "delete", "finding": str(finding.pk)})
    assert not SupervisionFinding.objects.exists()
    assert Rectification.objects.count() == 1  # the item keeps its own history


def test_a_finding_without_text_or_for_another_regions_department_is_refused(
    client: Client, xixia: Xixia
) -> None:
    client.force_login(xixia.office)
    page = client.post(
        PAGE, {"action": "finding", "department": str(xixia.health.pk), "rating": "poor", "text": ""}
    )
    assert page.status_code == 200
    other = xixia.world.health  # 平川区's
    page = client.post(
        PAGE, {"action": "finding", "department": str(other.pk), "rating": "poor", "text": "越权"}
    )
    assert page.status_code == 200
    assert "选择一个有效的选项" in page.content.decode() or "Select a valid choice" in page.content.decode()
    assert not SupervisionFinding.objects.exists()


def test_an_impossible_year_is_refused_saying_why(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.office)
    response = client.get(f"/tasks/{XIXIA}/supervision/annual/1900/")
    assert response.status_code == 400
    assert "年份" in response.content.decode()
    assert client.get(f"/tasks/{XIXIA}/supervision/annual/2101/").status_code == 400


@pytest.mark.parametrize("outsider", ["huining_admin", "huining_clerk", "office", "leader", "nobody"])
def test_outsiders_can_neither_see_nor_record_findings(client: Client, xixia: Xixia, outsider: str) -> None:
    client.force_login(getattr(xixia.world, outsider))
    assert client.get(PAGE).status_code in (403, 404)
    data = {"action": "finding", "department": str(xixia.health.pk), "rating": "poor", "text": "x"}
    assert client.post(PAGE, data).status_code in (403, 404)
    assert not SupervisionFinding.objects.exists()


def test_the_clerk_cannot_record_findings(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.clerk)
    assert client.get(PAGE).status_code == 403
    data = {"action": "round", "held_on": "2021-12-20"}
    assert client.post(PAGE, data).status_code == 403
    assert not SupervisionRound.objects.exists()


def _with_findings(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.office)
    client.post(PAGE, {"action": "round", "held_on": "2021-12-20", "note": ""})
    _finding(client, xixia.health, text="健康讲座台账不全", rectify_by="2022-03-31")


def test_the_notice_docx_carries_the_years_findings(client: Client, xixia: Xixia) -> None:
    _with_findings(client, xixia)
    response = client.get(f"/tasks/{XIXIA}/supervision/report.docx?round=2021H2")
    document = Document(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "五、2021年度督导发现问题" in text
    assert "2021年度督导于2021年12月20日开展，共对1个部门形成督导意见，其中卫生健康局评价为一般或差。" in text
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert rows[1][:4] == ["卫生健康局", "差", "健康讲座台账不全", ""]
    assert rows[1][4:] == ["2022-03-31", "逾期未整改"]  # today is past the due date


def test_the_notice_xlsx_carries_the_years_findings(client: Client, xixia: Xixia) -> None:
    _with_findings(client, xixia)
    response = client.get(f"/tasks/{XIXIA}/supervision/report.xlsx?round=2021H1")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    sheet = book["年度督导"]
    assert [c.value for c in sheet[1]][:3] == ["部门", "评价", "发现问题"]
    assert [c.value for c in sheet[2]][:3] == ["卫生健康局", "差", "健康讲座台账不全"]


def test_the_notice_says_when_the_year_has_no_annual_round(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.office)
    response = client.get(f"/tasks/{XIXIA}/supervision/report.docx?round=2021H2")
    document = Document(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    assert "2021年度督导尚未开展。" in "\n".join(p.text for p in document.paragraphs)
