"""A city without a plan of its own reports on its area: from its counties' plans, per county, and says so."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from django.test import Client

from healthaction.reports import render_report
from web.conftest import BAIYIN, World
from web.monitoring.models import Observation
from web.reports.source import report_data

BASIS = (
    "本市未单独印发实施方案，以下依据《健康平川行动实施方案（测试）》确定的专项行动和监测指标，"
    "按所辖各县（区）汇总报告。"
)


def _text(document: docx.document.Document) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def area(world: World) -> World:
    """平川区 has the plan; its framework row sets the city's target (≥20) that 会宁县 inherits."""
    for region, indicator, year, value in (
        (world.pingchuan, world.literacy, 2021, "18"),
        (world.pingchuan, world.literacy, 2022, "23"),
        (world.pingchuan, world.smoking, 2022, "25.1"),
        (world.huining, world.literacy, 2022, "17.5"),
    ):
        Observation.objects.create(
            region=region,
            indicator=indicator,
            year=year,
            value=Decimal(value),
            state=Observation.State.APPROVED,
        )
    return world


def test_the_overall_report_draws_on_the_county_plans_and_reports_per_county(
    area: World, tmp_path: Path
) -> None:
    data = report_data("overall", area.baiyin, 2022)
    assert [p.region for p in data.parts] == ["平川区", "会宁县"]
    document = docx.Document(str(render_report(data, tmp_path / "overall.docx")))
    text = _text(document)
    assert "白银市2022年健康白银行动总体监测评估报告" in text.replace("\n", "")
    assert BASIS in text
    assert "（一）平川区" in text
    assert "（二）会宁县" in text
    assert "会宁县1项指标中，未达标1项" in text
    assert "居民健康素养水平（17.5%，2022年目标不低于20%）" in text
    status = document.tables[0]
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in status.rows[1:]}
    assert rows["会宁县"][2] == "1"  # 指标数
    assert rows["平川区"][2] == "2"
    assert "25.1" in text


def test_the_action_report_of_the_city_reports_the_action_per_county(area: World, tmp_path: Path) -> None:
    data = report_data("action", area.baiyin, 2022, action="1")
    text = _text(docx.Document(str(render_report(data, tmp_path / "action.docx"))))
    assert "白银市2022年健康知识普及行动实施进展专题报告" in text.replace("\n", "")
    assert BASIS in text
    assert "平川区1项本行动指标中，已达标1项" in text
    assert "会宁县1项本行动指标中，未达标1项" in text


def test_the_office_downloads_the_city_reports_and_the_command_agrees(
    area: World, client: Client, tmp_path: Path
) -> None:
    from healthaction.cli import main

    client.force_login(area.office)
    page = client.get(f"/reports/{BAIYIN}/?year=2022").content.decode()
    assert BASIS in page
    assert f"/reports/{BAIYIN}/action.docx?year=2022&amp;action=2" in page
    response = client.get(f"/reports/{BAIYIN}/overall.docx?year=2022")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    web_text = _text(docx.Document(io.BytesIO(body)))
    out = tmp_path / "cli.docx"
    assert main(["report", "overall", "--region", BAIYIN, "--year", "2022", "-o", str(out)]) == 0
    cli_text = _text(docx.Document(str(out)))
    assert BASIS in web_text
    assert web_text == cli_text


def test_a_county_outside_the_city_office_is_refused_the_city_reports(area: World, client: Client) -> None:
    client.force_login(area.huining_admin)
    assert client.get(f"/reports/{BAIYIN}/").status_code == 403
    assert client.get(f"/reports/{BAIYIN}/overall.docx?year=2022").status_code == 403
