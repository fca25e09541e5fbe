"""The queue that carries job ids to the workers: huey, on the backend ``HEALTHACTION_QUEUE_URL`` names.

- ``sqlite:////…/var/queue.sqlite3`` (default): `huey.SqliteHuey`, a file beside the database;
  one machine, `make run`, nothing to install.
- ``redis://host:6379/0``: `huey.RedisHuey`; several web hosts and workers.
- ``postgres://user@host/db``: `huey.PostgresHuey` (LISTEN/NOTIFY, tables ``huey_*``); no Redis.

Only the job's id travels; the job itself is a `Job` row (web/jobs/models.py).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey, crontab

NAME = "healthaction"


@functools.cache
def huey_for(url: str) -> tuple[Huey, Any]:
    """The huey instance for ``url`` and the one task every job goes through (``run_job(job_id)``)."""
    scheme = urlsplit(url).scheme
    instance: Huey
    # results=False: a job's result is its Job row; huey stores none.
    if scheme == "sqlite":
        filename = urlsplit(url).path[1:]  # as dj-database-url: sqlite:////abs/path, sqlite:///relative
        Path(filename).parent.mkdir(parents=True, exist_ok=True)
        instance = SqliteHuey(NAME, filename=filename, results=False)
    elif scheme == "redis":
        instance = RedisHuey(NAME, url=url, results=False)
    elif scheme in {"postgres", "postgresql"}:
        dsn = "postgresql" + url[len(scheme) :]
        instance = PostgresHuey(NAME, dsn=dsn, results=False)
    else:
        raise ValueError(
            f"HEALTHACTION_QUEUE_URL：不支持的队列地址「{url}」，可用 sqlite:///、redis://、postgres://"
        )

    @instance.task(name="run_job")  # type: ignore[untyped-decorator]  # huey has no type hints
    def run_job(job_id: int) -> None:
        from web.jobs.services import job_run

        job_run(job_id=job_id)

    from web.jobs.registry import PERIODIC

    for name, fields, function in PERIODIC:
        instance.periodic_task(crontab(**fields), name=name)(function)
    return instance, run_job


def queue() -> Huey:
    return huey_for(settings.HEALTHACTION_QUEUE_URL)[0]


def send(job_id: int) -> None:
    """Put the job's id on the queue; a worker of the same URL picks it up."""
    huey_for(settings.HEALTHACTION_QUEUE_URL)[1](job_id)
