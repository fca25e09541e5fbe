"""The 督导通报 in .docx and .xlsx: the numbers are the supervision's own."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from docx import Document
from openpyxl import load_workbook

from healthaction.responsibility import ProgressRound
from web.supervision.models import Interview, Rectification
from web.tasks import selectors
from web.tasks.models import Measure, ProgressReport
from web.tasks.services import progress_report_save
from web.tasks.tests.conftest import XIXIA, Xixia


def _some_progress(xixia: Xixia) -> None:
    for n, measure in enumerate(Measure.objects.filter(task__department_roles__department=xixia.health)[:3]):
        progress_report_save(
            measure=measure,
            department=xixia.health,
            round="2021H1",
            status=ProgressReport.Status.DONE if n == 0 else ProgressReport.Status.IN_PROGRESS,
            amounts={},
            text="演示",
            user=xixia.clerk,
        )
    Interview.objects.create(
        region=xixia.region,
        department=xixia.health,
        round="2021H1",
        previous_round="2020H2",
        reason="连续两轮滞后",
    )
    Rectification.objects.create(
        region=xixia.region, department=xixia.health, round="2021H1", issue="补报进展", due_on="2021-08-31"
    )


def test_the_xlsx_lists_completion_per_department_and_the_lagging_items(client: Client, xixia: Xixia) -> None:
    _some_progress(xixia)
    client.force_login(xixia.office)
    response = client.get(f"/tasks/{XIXIA}/supervision/report.xlsx?round=2021H1")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    view = selectors.supervision_for(xixia.region, ProgressRound.parse("2021H1"))
    rows = {r[0].value: [c.value for c in r] for r in book["各部门完成情况"].iter_rows(min_row=2)}
    health = [v for v in view.supervision.verdicts if "卫生健康局" in v.measure.departments]
    done = sum(1 for v in health if v.status == "done")
    assert rows["卫生健康局"][1] == len(health)
    assert rows["卫生健康局"][2] == done >= 1
    assert rows["卫生健康局"][-1] == pytest.approx(round(100 * done / len(health), 1))
    behind = book["滞后逾期事项"].max_row - 1
    assert behind == len(view.supervision.lagging) + len(view.supervision.overdue)
    assert [c.value for c in book["约谈"][2]][:3] == ["卫生健康局", "2021H1", "拟约谈"]
    assert book["整改"]["B2"].value == "补报进展"


def test_the_docx_is_the_official_notice_with_the_same_tables(client: Client, xixia: Xixia) -> None:
    _some_progress(xixia)
    client.force_login(xixia.office)
    response = client.get(f"/tasks/{XIXIA}/supervision/report.docx?round=2021H1")
    assert response.status_code == 200
    document = Document(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "督导通报" in text
    assert "各责任部门：" in text
    assert len(document.tables) == 4
    names = [row.cells[0].text for row in document.tables[0].rows]
    assert "卫生健康局" in names


@pytest.mark.parametrize("outsider", ["huining_admin", "huining_clerk", "office", "nobody"])
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_outsiders_cannot_download_it(client: Client, xixia: Xixia, outsider: str, fmt: str) -> None:
    client.force_login(getattr(xixia.world, outsider))
    assert client.get(f"/tasks/{XIXIA}/supervision/report.{fmt}").status_code in (403, 404)


def test_the_clerk_cannot_download_it(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.clerk)
    assert client.get(f"/tasks/{XIXIA}/supervision/report.xlsx").status_code == 403


def test_an_issue_like_a_formula_stays_text_in_the_xlsx(client: Client, xixia: Xixia) -> None:
    """Issue 11: an 整改 issue starting with = went into the 督导通报 .xlsx as a live formula."""
    _some_progress(xixia)
    Rectification.objects.create(
        region=xixia.region, department=xixia.health, round="2021H1", issue="=1+1", due_on="2021-09-30"
    )
    client.force_login(xixia.office)
    response = client.get(f"/tasks/{XIXIA}/supervision/report.xlsx?round=2021H1")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))  # type: ignore[attr-defined]
    cells = [c for row in book["整改"].iter_rows() for c in row if c.value == "=1+1"]
    assert [(c.data_type, c.quotePrefix) for c in cells] == [("s", True)]
    assert not [c for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "f"]
