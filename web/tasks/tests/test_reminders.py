"""Reminders: N days before a round closes and when late, once per user/measure/round/kind."""

from __future__ import annotations

import datetime

from django.core import mail
from django.core.management import call_command
from django.test import Client

from web.tasks.models import Measure, ProgressReport, Reminder
from web.tasks.reminders import reminders_send
from web.tasks.services import progress_report_save
from web.tasks.tests.conftest import Xixia

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
