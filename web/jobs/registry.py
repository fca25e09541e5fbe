"""The job kinds: each app's ``jobs.py`` registers its functions here with ``@job("app.kind")``.

A job function takes a `JobContext` and returns an `Outcome`: a file to offer, a summary to show,
or both. It raises `JobError` with a Chinese message for what the user can fix or should know
(「张掖市2024年还没有审核通过的监测值」); anything else is logged and the page says the job failed
with the error's kind, and offers a retry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class JobError(Exception):
    """A failure to show the user as it is (a Chinese message naming what is wrong), with an optional
    summary for the job's page (an upload's problems by sheet and cell)."""

    def __init__(self, message: str, *, summary: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.summary = summary or {}


@dataclass(frozen=True)
class ResultFile:
    name: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class Outcome:
    file: ResultFile | None = None
    summary: dict[str, Any] = field(default_factory=dict)


@dataclass
class JobContext:
    """What a running job sees: its row's parameters and input, and a way to report progress."""

    job_id: int
    params: dict[str, Any]
    input_name: str
    input_file: bytes | None
    created_by_id: int | None

    def progress(self, percent: int, stage: str) -> None:
        """Shown on the job's page at the next poll. Called between steps, outside the job's own
        transaction (inside one, other connections see it only at the commit)."""
        from web.jobs.models import Job

        Job.objects.filter(pk=self.job_id).update(progress=max(0, min(100, percent)), stage=stage[:200])


JobFunction = Callable[[JobContext], Outcome]
JOBS: dict[str, JobFunction] = {}


def job(kind: str) -> Callable[[JobFunction], JobFunction]:
    def register(function: JobFunction) -> JobFunction:
        JOBS[kind] = function
        return function

    return register


# Work a worker's scheduler starts by itself, as (name, crontab fields, function): e.g. the daily reminders.
PERIODIC: list[tuple[str, dict[str, str], Callable[[], None]]] = []


def periodic(name: str, **crontab: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    def register(function: Callable[[], None]) -> Callable[[], None]:
        PERIODIC.append((name, crontab, function))
        return function

    return register
