"""Jobs: enqueue, run (in a worker), retry, and recover those a killed worker left half done."""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone, translation

from web.jobs.backend import send
from web.jobs.models import Job
from web.jobs.registry import JOBS, JobContext, JobError

logger = logging.getLogger(__name__)
ACTIVE = (Job.State.QUEUED, Job.State.RUNNING)


def _send_on_commit(job_id: int) -> None:
    def go() -> None:
        try:
            send(job_id)
        except Exception:  # the queue is down: the job stays 排队中 and the next worker start sends it
            logger.exception("任务 %s 未能放入队列", job_id)

    transaction.on_commit(go)


def job_enqueue(
    *,
    kind: str,
    title: str,
    params: dict[str, Any],
    user: AbstractBaseUser | AnonymousUser | None,
    input_name: str = "",
    input_file: bytes | None = None,
    back_url: str = "",
    once: bool = False,
) -> Job:
    """A new job, sent to the queue when the caller's transaction commits.

    The same request again (a reload, a second click) while the first is still waiting or running
    returns that one instead of a second; with ``once``, any earlier job of the same kind and
    parameters does (a daily reminder run started by several workers' schedulers)."""
    if kind not in JOBS:
        raise ValueError(f"未知的任务类型：{kind}")
    owner = user if isinstance(user, User) else None
    same = Job.objects.filter(kind=kind, params=params, created_by=owner)
    if input_file is None:
        earlier = (same if once else same.filter(state__in=ACTIVE)).order_by("-created_at").first()
        if earlier is not None:
            return earlier
    job = Job.objects.create(
        kind=kind,
        title=title[:200],
        params=params,
        created_by=owner,
        input_name=input_name[:200],
        input_file=input_file,
        back_url=back_url[:300],
        stage="等待后台处理",
    )
    _send_on_commit(job.pk)
    return job


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _fresh_connections() -> None:
    """A worker thread lives long: never reuse a connection the server closed. (Not inside a
    transaction: `worker_drain` in a test runs in the test's own.)"""
    if not connection.in_atomic_block:
        close_old_connections()


def job_run(*, job_id: int) -> None:
    """Run one job in this worker. Claimed with one guarded update, so a job sent twice runs once."""
    _fresh_connections()
    try:
        claimed = Job.objects.filter(pk=job_id, state=Job.State.QUEUED).update(
            state=Job.State.RUNNING,
            started_at=timezone.now(),
            worker=_worker_name(),
            attempts=F("attempts") + 1,
            progress=0,
            stage="开始处理",
            error="",
        )
        if not claimed:
            return
        job = Job.objects.get(pk=job_id)
        context = JobContext(
            job_id=job.pk,
            params=job.params,
            input_name=job.input_name,
            input_file=bytes(job.input_file) if job.input_file is not None else None,
            created_by_id=job.created_by_id,
        )
        function = JOBS.get(job.kind)
        try:
            if function is None:
                raise JobError(f"未知的任务类型「{job.kind}」：请升级后台处理程序后重试")
            # Messages a job stores are read later by its owner: the interface's first language.
            with translation.override("zh-hans"):
                outcome = function(context)
        except JobError as exc:
            _fail(job_id, str(exc), exc.summary)
            return
        except Exception as exc:
            logger.exception("任务 %s（%s）失败", job_id, job.kind)
            reason = f"{type(exc).__name__}：{str(exc)[:300]}"
            _fail(job_id, f"处理时出错（{reason}），可以重试；仍失败请联系系统管理员")
            return
        done: dict[str, Any] = {
            "state": Job.State.DONE,
            "progress": 100,
            "stage": "已完成",
            "finished_at": timezone.now(),
            "outcome": outcome.summary,
        }
        if outcome.file is not None:
            done.update(
                result_name=outcome.file.name[:200],
                result_type=outcome.file.content_type,
                result=outcome.file.content,
            )
        Job.objects.filter(pk=job_id).update(**done)
    finally:
        _fresh_connections()


def _fail(job_id: int, message: str, summary: dict[str, Any] | None = None) -> None:
    Job.objects.filter(pk=job_id).update(
        state=Job.State.FAILED, error=message, stage="失败", finished_at=timezone.now(), outcome=summary or {}
    )


def job_retry(*, job: Job) -> Job:
    """A failed job back in the queue, with its parameters and input as they were."""
    if job.state != Job.State.FAILED:
        raise JobError("只有失败的任务可以重试")
    Job.objects.filter(pk=job.pk, state=Job.State.FAILED).update(
        state=Job.State.QUEUED, error="", progress=0, stage="等待后台处理", finished_at=None
    )
    _send_on_commit(job.pk)
    job.refresh_from_db()
    return job


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def jobs_recover(*, quiet_for: timedelta = timedelta(minutes=1)) -> list[int]:
    """At a worker's start: the jobs a killed worker of this host was running go back in the queue,
    and so do jobs waiting longer than ``quiet_for`` (their message may have been lost with a queue
    that was down or wiped). Jobs of live workers and of other hosts are left alone. Returns the ids."""
    host = socket.gethostname()
    again: list[int] = []
    for job_id, worker in Job.objects.filter(state=Job.State.RUNNING).values_list("pk", "worker"):
        name, _, pid = worker.rpartition(":")
        if name != host or not pid.isdigit() or _alive(int(pid)):
            continue
        if Job.objects.filter(pk=job_id, state=Job.State.RUNNING, worker=worker).update(
            state=Job.State.QUEUED, stage="后台处理程序重启，重新排队"
        ):
            again.append(job_id)
    waiting = Job.objects.filter(state=Job.State.QUEUED, created_at__lt=timezone.now() - quiet_for)
    again += [pk for pk in waiting.values_list("pk", flat=True) if pk not in again]
    for job_id in again:
        send(job_id)
    return again
