"""A department reported on a measure, then the office took it off the task: the task's pages still render
(the report stays in the database; the judgement counts the departments the task names today)."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from web.tasks.models import ProgressReport, Task, TaskDepartment
from web.tasks.tests.conftest import Xixia


def test_the_pages_render_after_a_reporting_department_left_the_task(client: Client, xixia: Xixia) -> None:
    task = Task.objects.filter(region=xixia.region, department_roles__department=xixia.health).first()
    assert task is not None
    measure = task.measures.first()
    assert measure is not None
    ProgressReport.objects.create(
        measure=measure,
        department=xixia.health,
        round="2021H2",
        status="in_progress",
        submitted_at=timezone.now(),
    )
    TaskDepartment.objects.filter(task=task, department=xixia.health).delete()
    client.force_login(xixia.office)
    for url in (f"/tasks/task/{task.pk}/?round=2021H2", f"/tasks/{xixia.region.code}/?round=2021H2"):
        assert client.get(url).status_code == 200, url
