"""Reminders: N days before a round closes and when late, once per user/measure/round/kind; to the
departments' clerks and to the leaders who hold the tasks' 包抓/牵头 seats."""

from __future__ import annotations

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import Client

from web.supervision.models import Reminder
from web.supervision.reminders import reminders_send
from web.tasks.models import Measure, ProgressReport, TaskLeader
from web.tasks.services import progress_report_save
from web.tasks.tests.conftest import Xixia, leader_user

# 2021H1 ends 2021-06-30; reports close 15 days later, on 2021-07-15.
A_WEEK_BEFORE = datetime.date(2021, 7, 10)
AFTER_CLOSE = datetime.date(2021, 7, 20)


def _with_email(xixia: Xixia) -> None:
    xixia.clerk.email = "clerk@example.org"
    xixia.clerk.save()


def test_the_job_run_twice_sends_once(xixia: Xixia) -> None:
    _with_email(xixia)
    first = reminders_send(today=A_WEEK_BEFORE)
    second = reminders_send(today=A_WEEK_BEFORE)
    assert first
    assert not second
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["clerk@example.org"]
    assert "2021年07月15日截止" in mail.outbox[0].body
    own = Measure.objects.filter(task__department_roles__department=xixia.health).distinct().count()
    assert Reminder.objects.filter(user=xixia.clerk, kind="due").count() == own


def test_the_command_is_idempotent_and_logs_what_it_sent(xixia: Xixia, capsys: object) -> None:
    _with_email(xixia)
    call_command("send_task_reminders", "--today", "2021-07-10")
    call_command("send_task_reminders", "--today", "2021-07-10")
    assert len(mail.outbox) == 1
    assert Reminder.objects.filter(emailed_at__isnull=False).count() == Reminder.objects.count() > 0


def test_it_says_nothing_long_before_the_round_closes(xixia: Xixia) -> None:
    assert reminders_send(today=datetime.date(2021, 7, 1)) == []  # closes in 14 days


def test_a_reported_measure_is_not_reminded_and_late_ones_are_once_more(xixia: Xixia) -> None:
    measure = Measure.objects.filter(task__department_roles__department=xixia.health).first()
    assert measure is not None
    progress_report_save(
        measure=measure,
        department=xixia.health,
        round="2021H1",
        status=ProgressReport.Status.IN_PROGRESS,
        amounts={},
        text="推进中",
        user=xixia.clerk,
    )
    reminders_send(today=A_WEEK_BEFORE)
    reminders_send(today=AFTER_CLOSE)
    mine = Reminder.objects.filter(user=xixia.clerk, round="2021H1")
    assert not mine.filter(measure=measure, kind__in=["due", "late"]).exists()
    assert mine.filter(kind="late").count() == mine.filter(kind="due").count() > 0
    assert len(mail.outbox) == 0  # no address: in-app only


def test_the_clerk_sees_own_reminders_and_nobody_elses(client: Client, xixia: Xixia) -> None:
    reminders_send(today=A_WEEK_BEFORE)
    client.force_login(xixia.clerk)
    page = client.get("/tasks/reminders/")
    assert page.status_code == 200
    assert "尚未报送措施" in page.content.decode()
    client.force_login(xixia.office)
    assert "尚未报送措施" not in client.get("/tasks/reminders/").content.decode()


def _seat_measures(seat: TaskLeader) -> set[int]:
    """The measures of the seat's tasks that a registered department must report on."""
    return set(
        Measure.objects.filter(
            task__leaders__position=seat.position, task__department_roles__department__isnull=False
        ).values_list("pk", flat=True)
    )


def test_a_leader_is_reminded_of_own_tasks_once_in_app_and_by_mail(xixia: Xixia, seat: TaskLeader) -> None:
    leader = leader_user(xixia, "张区长", seat)
    leader.email = "leader@example.org"
    leader.save()
    first = reminders_send(today=A_WEEK_BEFORE)
    again = reminders_send(today=A_WEEK_BEFORE)
    assert [r for r in again if r.user_id == leader.pk] == []
    mine = Reminder.objects.filter(user=leader)
    assert set(mine.values_list("measure_id", flat=True)) == _seat_measures(seat)
    assert mine.count() == len(_seat_measures(seat)) == sum(1 for r in first if r.user_id == leader.pk)
    assert all(r.kind == "due" and r.message.startswith("您包抓或牵头的任务") for r in mine)
    assert [m.to for m in mail.outbox] == [["leader@example.org"]]  # the clerk has no address
    assert "尚未报送措施" in mail.outbox[0].body
    assert mine.filter(emailed_at__isnull=True).count() == 0


def test_a_leader_hears_of_overdue_measures_and_late_reports_once(xixia: Xixia, seat: TaskLeader) -> None:
    leader = leader_user(xixia, "张区长", seat)
    after_the_year = datetime.date(2022, 1, 20)  # 2021H2 closed on 2022-01-15; deadlines 2021-12 passed
    reminders_send(today=after_the_year)
    assert reminders_send(today=after_the_year) == []
    mine = Reminder.objects.filter(user=leader, round="2021H2")
    assert set(mine.filter(kind="late").values_list("measure_id", flat=True)) == _seat_measures(seat)
    assert mine.filter(kind="overdue").exists()
    assert "已逾期" in mine.filter(kind="overdue").first().message  # type: ignore[union-attr]


def test_the_former_holder_of_the_seat_is_not_reminded(xixia: Xixia, seat: TaskLeader) -> None:
    former = leader_user(xixia, "李前任", seat, ended=True)
    reminders_send(today=A_WEEK_BEFORE)
    assert not Reminder.objects.filter(user=former).exists()


def test_the_leader_sees_own_reminders_and_the_clerk_not_the_leaders(
    client: Client, xixia: Xixia, seat: TaskLeader
) -> None:
    leader = leader_user(xixia, "张区长", seat)
    reminders_send(today=A_WEEK_BEFORE)
    client.force_login(leader)
    assert "您包抓或牵头的任务" in client.get("/tasks/reminders/").content.decode()
    client.force_login(xixia.clerk)
    assert "您包抓或牵头的任务" not in client.get("/tasks/reminders/").content.decode()
