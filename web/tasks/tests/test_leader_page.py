"""A 包抓/牵头 leader sees the tasks of the seats their person holds today; nobody else's."""

from __future__ import annotations

import pytest
from django.test import Client

from web.tasks.models import Task, TaskLeader
from web.tasks.tests.conftest import Xixia, leader_user


@pytest.fixture
def leader(xixia: Xixia) -> TaskLeader:
    found = TaskLeader.objects.filter(task__region=xixia.region).select_related("position").first()
    assert found is not None
    return found


def test_the_leader_sees_own_tasks_with_status(client: Client, xixia: Xixia, leader: TaskLeader) -> None:
    client.force_login(leader_user(xixia, "张区长", leader))
    page = client.get("/tasks/leader/")
    assert page.status_code == 200
    html = page.content.decode()
    own = Task.objects.filter(leaders__position=leader.position).distinct()
    for task in own:
        assert task.name in html
    others = Task.objects.filter(region=xixia.region).exclude(pk__in=own)
    assert all(t.name not in html for t in others if not any(t.name in o.name for o in own))
    assert leader.get_role_display() in html
    assert any(word in html for word in ("未开始", "推进中", "已完成", "滞后", "逾期"))


def test_a_former_holder_sees_nothing(client: Client, xixia: Xixia, leader: TaskLeader) -> None:
    client.force_login(leader_user(xixia, "李前任", leader, ended=True))
    html = client.get("/tasks/leader/").content.decode()
    assert "暂无任务" in html


@pytest.mark.parametrize("outsider", ["huining_admin", "huining_clerk", "office", "nobody"])
def test_users_without_a_leader_seat_are_refused(client: Client, xixia: Xixia, outsider: str) -> None:
    client.force_login(getattr(xixia.world, outsider))
    assert client.get("/tasks/leader/").status_code == 403


def test_the_header_offers_my_tasks_only_to_a_leader_with_a_seat(
    client: Client, xixia: Xixia, leader: TaskLeader
) -> None:
    link = 'href="/tasks/leader/"'
    client.force_login(xixia.world.leader)  # a leader of the city, bound to no 包抓/牵头 seat
    assert link not in client.get(f"/regions/{xixia.world.baiyin.code}/").content.decode()
    client.force_login(leader_user(xixia, "张区长", leader))
    assert link in client.get("/tasks/leader/").content.decode()
