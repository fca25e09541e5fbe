"""A 进展 report's 佐证材料 is a link on the progress page that downloads the file under the name the
clerk gave it — for people of its region; an outsider gets no file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.utils import timezone

from web.tasks.models import Measure, ProgressReport
from web.tasks.tests.conftest import XIXIA, Xixia


@pytest.fixture
def report(xixia: Xixia, tmp_path: Path) -> ProgressReport:
    measure = Measure.objects.filter(task__department_roles__department=xixia.health).first()
    assert measure is not None
    with override_settings(MEDIA_ROOT=tmp_path):
        item = ProgressReport(
            measure=measure,
            department=xixia.health,
            round="2021H1",
            status="in_progress",
            submitted_by=xixia.clerk,
            submitted_at=timezone.now(),
        )
        item.evidence.save("进展佐证.pdf", ContentFile(b"%PDF-1.4 demo"), save=True)
    return item


def test_the_progress_page_links_the_evidence_and_it_downloads(
    client: Client, xixia: Xixia, report: ProgressReport, tmp_path: Path
) -> None:
    with override_settings(MEDIA_ROOT=tmp_path):
        client.force_login(xixia.clerk)
        page = client.get(f"/tasks/{XIXIA}/progress/2021H1/").content.decode()
        assert f'href="/tasks/evidence/{report.pk}/"' in page
        assert ">进展佐证.pdf</a>" in page
        response = client.get(f"/tasks/evidence/{report.pk}/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 demo"  # type: ignore[attr-defined]
        assert "filename" in response["Content-Disposition"]
        client.force_login(xixia.world.huining_admin)
        assert client.get(f"/tasks/evidence/{report.pk}/").status_code in (403, 404)


def test_the_task_page_links_the_rounds_evidence(
    client: Client, xixia: Xixia, report: ProgressReport, tmp_path: Path
) -> None:
    with override_settings(MEDIA_ROOT=tmp_path):
        client.force_login(xixia.office)
        page = client.get(f"/tasks/task/{report.measure.task_id}/?round=2021H1").content.decode()
        assert f'href="/tasks/evidence/{report.pk}/"' in page
        assert "tasks/evidence/" not in page.replace(f"/tasks/evidence/{report.pk}/", "")  # no bare path


def test_the_supervision_page_links_the_evidence_of_a_lagging_or_overdue_measure(
    client: Client, xixia: Xixia, tmp_path: Path
) -> None:
    from healthaction.responsibility import ProgressRound
    from web.tasks.selectors import supervision_for

    view = supervision_for(xixia.region, ProgressRound(2021, 2))
    behind = [*view.supervision.overdue, *view.supervision.lagging]
    assert behind, "the seed list has measures behind in 2021"
    measure = view.tracked.measure_for(behind[0])
    department = measure.task.department_roles.first().department  # type: ignore[union-attr]
    with override_settings(MEDIA_ROOT=tmp_path):
        item = ProgressReport(
            measure=measure,
            department=department,
            round="2021H2",
            status="未开始",
            submitted_by=xixia.clerk,
            submitted_at=timezone.now(),
        )
        item.evidence.save("督导佐证.pdf", ContentFile(b"%PDF-1.4"), save=True)
        client.force_login(xixia.office)
        page = client.get(f"/tasks/{XIXIA}/supervision/?round=2021H2").content.decode()
        assert f'href="/tasks/evidence/{item.pk}/"' in page
        assert ">督导佐证.pdf</a>" in page
