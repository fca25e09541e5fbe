"""The 考核结果通报 counts indicator items and 组织实施 items apart (5 + 2 items, not 7 indicators)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx

from healthaction.reports import render_report
from web.assessment.models import OrganisationItem
from web.assessment.services import assessment_publish, organisation_score_set
from web.assessment.tests.conftest import Counties, counties  # noqa: F401  (the 考核 fixture)
from web.plans.models import PlanDocument
from web.reports.source import report_data


def test_indicator_and_organisation_items_are_counted_apart(
    counties: Counties,  # noqa: F811
    tmp_path: Path,
) -> None:
    items = [
        OrganisationItem.objects.create(
            scheme=counties.scheme, seq=1, name="机构设置", max_points=Decimal(5)
        ),
        OrganisationItem.objects.create(
            scheme=counties.scheme, seq=2, name="工作机制", max_points=Decimal(5)
        ),
    ]
    for item, points in zip(items, (Decimal(4), Decimal(5)), strict=True):
        organisation_score_set(item=item, region=counties.a, points=points, reason="佐证齐全", user=None)
    result = assessment_publish(scheme=counties.scheme, user=counties.office)
    by_name = {s["region_name"]: s for s in result.data["scores"]}
    assert by_name["白银区"]["assessed"] == 5
    assert by_name["白银区"]["organisation"] == 2
    assert by_name["白银区"]["organisation_points"] == 9.0

    path = render_report(report_data("assessment", counties.city, 2022), tmp_path / "notice.docx")
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "考核内容包括考核指标5项、组织实施2项" in text
    assert "共考核指标20项次" in text  # 4 counties × 5 indicators, not × 7
    ranking = document.tables[0]
    header = [c.text for c in ranking.rows[0].cells]
    assert "考核指标（项）" in header
    assert "组织实施（项）" in header
    row = next(r for r in ranking.rows if r.cells[1].text == "白银区")
    assert row.cells[header.index("考核指标（项）")].text == "5"
    assert row.cells[header.index("组织实施（项）")].text == "2"
    assert row.cells[header.index("组织实施得分（分）")].text == "9.00"


def test_a_city_without_a_plan_of_its_own_assesses_by_its_scheme(
    counties: Counties,  # noqa: F811
    tmp_path: Path,
) -> None:
    assessment_publish(scheme=counties.scheme, user=counties.office)
    text = _notice_text(counties, tmp_path)
    assert "根据《健康白银行动实施方案》和考核指标框架" in text

    PlanDocument.objects.filter(region=counties.city).update(region=counties.a)  # the plan is a county's
    text = _notice_text(counties, tmp_path)
    assert "实施方案》" not in text.split("\n")[1]
    assert "根据白银市2022年度考核方案和考核指标框架" in text


def _notice_text(counties: Counties, folder: Path) -> str:  # noqa: F811
    path = render_report(report_data("assessment", counties.city, 2022), folder / "notice.docx")
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs if p.text.strip())
