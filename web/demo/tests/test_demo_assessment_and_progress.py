"""The demo's 2022 考核 (published, one 复核, one 加分) and 2021H1 责任清单 progress, built idempotently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from web.assessment.models import Adjustment, AssessmentResult, AssessmentScheme, ReviewedValue
from web.demo.build import demo_build
from web.monitoring.models import Observation
from web.regions.models import Region
from web.tasks.models import ProgressReport, ProgressReportChange

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _counts() -> dict[str, int]:
    models = (
        AssessmentScheme,
        AssessmentResult,
        ReviewedValue,
        Adjustment,
        ProgressReport,
        ProgressReportChange,
    )
    return {m.__name__: m.objects.count() for m in (*models, Observation)}


@pytest.mark.django_db(transaction=True)
def test_the_demo_publishes_a_city_assessment_and_progress_once(tmp_path: Path) -> None:
    chosen = sorted(SEEDS.glob("000_*.txt")) + sorted(SEEDS.glob("004_*.txt"))  # 平川区; 西夏区 责任清单
    if len(chosen) < 2:
        pytest.skip("种子文件不全")
    for path in chosen:
        shutil.copy(path, tmp_path / path.name)
    demo_build(seeds=tmp_path)
    first = _counts()
    scheme = AssessmentScheme.objects.get(year=2022)
    assert scheme.region.level == Region.Level.CITY
    assert "演示数据" in scheme.title
    result = AssessmentResult.objects.get(scheme=scheme)
    assert len(result.data["scores"]) == scheme.region.children.count()
    assert any(s.get("is_reviewed") for s in result.data["series"])
    assert all("演示数据" in a.reason for a in Adjustment.objects.all())
    reports = ProgressReport.objects.filter(round="2021H1")
    assert reports.exists()
    assert all(r.is_demo and "演示数据" in r.text for r in reports)

    demo_build(seeds=tmp_path)
    assert _counts() == first
