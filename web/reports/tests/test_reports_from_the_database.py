"""Reports drafted from the database: the region's plan and approved values, the published 考核."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from healthaction.engine import evaluate
from healthaction.reports import ReportError, render_report
from web.assessment.models import Adjustment
from web.assessment.services import assessment_publish, review_value_set
from web.assessment.tests.conftest import Counties, counties  # noqa: F401  (the 考核 fixture)
from web.conftest import World
from web.monitoring.evaluation import evaluation_inputs
from web.monitoring.models import Observation
from web.reports.source import report_data


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def flat(text: str) -> str:
    """The text without line breaks (the writer breaks a long title over two lines)."""
    return text.replace("\n", "")


def approved(world: World) -> None:
    for indicator, values in (
        (world.literacy, {2021: 18, 2022: 23}),
        (world.smoking, {2021: 26, 2022: 25.1}),
    ):
        for year, value in values.items():
            Observation.objects.create(
                region=world.pingchuan,
                indicator=indicator,
                year=year,
                value=Decimal(str(value)),
                state=Observation.State.APPROVED,
            )


def test_the_overall_report_holds_the_region_and_the_engines_counts(world: World, tmp_path: Path) -> None:
    approved(world)
    series = evaluate(evaluation_inputs([world.pingchuan]), year=2022).series
    achieved = series.filter(series["status"] == "ACHIEVED").height
    path = render_report(report_data("overall", world.pingchuan, 2022), tmp_path / "overall.docx")
    text = document_text(path)
    assert "平川区2022年健康平川行动总体监测评估报告" in flat(text)
    assert f"{series.height}项监测指标" in text
    assert f"已达标{achieved}项" in text
    assert "23" in text
    assert "25.1" in text
    assert "与2021年相比" in text


def test_the_action_report_names_its_action_and_value(world: World, tmp_path: Path) -> None:
    approved(world)
    data = report_data("action", world.pingchuan, 2022, action="2")
    text = document_text(render_report(data, tmp_path / "action.docx"))
    assert "平川区2022年控烟行动实施进展专题报告" in flat(text)
    assert "25.1" in text


def test_an_unknown_action_is_answered_with_the_plans_actions(world: World) -> None:
    with pytest.raises(ReportError, match=r"可选：1\.健康知识普及行动、2\.控烟行动"):
        report_data("action", world.pingchuan, 2022, action="不存在的行动")


def test_the_assessment_report_reads_the_published_snapshot(
    counties: Counties,  # noqa: F811
    tmp_path: Path,
) -> None:
    with pytest.raises(ReportError, match="尚未发布"):
        report_data("assessment", counties.city, 2022)
    review_value_set(
        scheme=counties.scheme,
        region=counties.c,
        indicator=counties.indicators[0],
        year=2022,
        value=Decimal(16),
        reason="抽查问卷后更正",
        user=counties.office,
    )
    Adjustment.objects.create(
        scheme=counties.scheme, region=counties.a, kind="bonus", points=Decimal(2), reason="获评省级示范"
    )
    result = assessment_publish(scheme=counties.scheme, user=counties.office)
    Observation.objects.filter(region=counties.b).delete()  # later changes never alter a published result
    text = document_text(render_report(report_data("assessment", counties.city, 2022), tmp_path / "a.docx"))
    assert "关于白银市2022年度健康白银行动考核结果的通报" in flat(text)
    for score in result.data["scores"]:
        assert score["region_name"] in text
        assert f"{score['final']:.2f}" in text
    assert "抽查问卷后更正" in text
    assert "获评省级示范" in text


def test_the_command_reads_the_database_by_region_code(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from healthaction.cli import main

    approved(world)
    out = tmp_path / "总体.docx"
    assert (
        main(["report", "overall", "--region", world.pingchuan.code, "--year", "2022", "-o", str(out)]) == 0
    )
    assert "平川区2022年健康平川行动总体监测评估报告" in flat(document_text(out))
    assert main(["report", "assessment", "--region", "白银市", "--year", "2022", "-o", str(out)]) == 2
    assert "白银市2022年度的考核结果尚未发布" in capsys.readouterr().err
