"""The worker's scheduler sends the 责任清单 reminders as a job: one a day, however many workers ask."""

from __future__ import annotations

from typing import Any

from web.conftest import World
from web.jobs.models import Job
from web.jobs.worker import worker_drain
from web.supervision.jobs import reminders_daily


def test_two_schedulers_asking_the_same_day_make_one_job_that_runs(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        reminders_daily()
        reminders_daily()  # a second worker's scheduler, the same morning
    assert Job.objects.filter(kind="supervision.reminders").count() == 1
    worker_drain()
    job = Job.objects.get()
    assert job.state == Job.State.DONE, job.error
    assert "新发提醒" in job.outcome["lines"][0]
