"""The lead department's confirm page renders whatever the confirmation row holds: a confirmer whose
account is gone since (``confirmed_by`` empty) used to make the page a 500."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from web.tasks.models import Task, TaskConfirmation
from web.tasks.tests.conftest import Xixia


def _task(xixia: Xixia) -> Task:
    task = Task.objects.filter(region=xixia.region, department_roles__department=xixia.health).first()
    assert task is not None
    return task


def test_a_confirmation_whose_confirmer_was_deleted_still_shows(client: Client, xixia: Xixia) -> None:
    task = _task(xixia)
    gone = User.objects.create_user("gone")
    TaskConfirmation.objects.create(
        task=task, round="2021H2", department=xixia.health, confirmed_by=gone, confirmed_at=timezone.now()
    )
    gone.delete()  # SET_NULL: the row stays, without its confirmer
    client.force_login(xixia.clerk)
    response = client.get(f"/tasks/task/{task.pk}/confirm/2021H2/")
    assert response.status_code == 200
    assert xixia.health.name in response.content.decode()


def test_every_round_of_a_task_without_confirmation_renders(client: Client, xixia: Xixia) -> None:
    task = _task(xixia)
    client.force_login(xixia.office)
    for round_code in ("2019H1", "2021H2", "2031H2"):
        assert client.get(f"/tasks/task/{task.pk}/confirm/{round_code}/").status_code == 200
    assert client.get(f"/tasks/task/{task.pk}/confirm/2021H9/").status_code == 404
