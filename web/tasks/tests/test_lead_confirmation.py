"""The lead department confirms a task's half-yearly report fed by several departments."""

from __future__ import annotations

import pytest
from django.test import Client

from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.conftest import PASSWORD
from web.tasks.models import ProgressReport, Task, TaskConfirmation, TaskDepartment
from web.tasks.services import progress_report_save
from web.tasks.tests.conftest import Xixia


def _led_task(xixia: Xixia) -> Task:
    """A task the health bureau leads, with another department responsible beside it."""
    led = Task.objects.filter(
        department_roles__department=xixia.health, department_roles__role=TaskDepartment.Role.LEAD
    ).distinct()
    for task in led:
        if any(r.department and r.department != xixia.health for r in task.department_roles.all()):
            return task
    pytest.skip("no shared task in the seed")


def _report(xixia: Xixia, task: Task) -> None:
    progress_report_save(
        measure=task.measures.first(),  # type: ignore[arg-type]
        department=xixia.health,
        round="2021H1",
        status=ProgressReport.Status.IN_PROGRESS,
        amounts={},
        text="已开展",
        user=xixia.clerk,
    )


def test_the_lead_department_confirms_with_who_and_when(client: Client, xixia: Xixia) -> None:
    task = _led_task(xixia)
    url = f"/tasks/task/{task.pk}/confirm/2021H1/"
    client.force_login(xixia.clerk)
    assert "待报送" in client.get(url).content.decode()
    _report(xixia, task)
    assert "待确认" in client.get(url).content.decode()
    client.post(url, {"note": "同意"})
    confirmation = TaskConfirmation.objects.get(task=task, round="2021H1")
    assert confirmation.department == xixia.health
    assert confirmation.confirmed_by == xixia.clerk
    html = client.get(url).content.decode()
    assert "已确认" in html
    assert "同意" in html


def test_a_responsible_but_not_lead_department_cannot_confirm(client: Client, xixia: Xixia) -> None:
    task = _led_task(xixia)
    _report(xixia, task)
    leads = {r.department_id for r in task.department_roles.all() if r.role == TaskDepartment.Role.LEAD}
    other = next((r.department for r in task.department_roles.all() if r.department_id not in leads), None)
    if other is None:
        pytest.skip("no responsible-only department on this task")
    clerk = user_create_or_update(
        username="other_clerk",
        password=PASSWORD,
        full_name="其他",
        role=Role.CLERK,
        region=xixia.region,
        department=other,
    )
    client.force_login(clerk)
    assert client.post(f"/tasks/task/{task.pk}/confirm/2021H1/").status_code == 403
    assert not TaskConfirmation.objects.exists()


@pytest.mark.parametrize("outsider", ["huining_admin", "huining_clerk", "office", "nobody"])
def test_outsiders_neither_see_nor_confirm(client: Client, xixia: Xixia, outsider: str) -> None:
    task = _led_task(xixia)
    _report(xixia, task)
    client.force_login(getattr(xixia.world, outsider))
    url = f"/tasks/task/{task.pk}/confirm/2021H1/"
    assert client.get(url).status_code in (403, 404)
    assert client.post(url).status_code in (403, 404)
    assert not TaskConfirmation.objects.exists()
