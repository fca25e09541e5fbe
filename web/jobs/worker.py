"""`healthaction worker`: a huey consumer running the jobs, after re-sending those a killed worker left."""

from __future__ import annotations

import logging

from web.jobs.backend import queue
from web.jobs.services import jobs_recover

logger = logging.getLogger(__name__)


def worker_run(*, workers: int = 2, periodic: bool = True) -> None:
    again = jobs_recover()
    if again:
        logger.info("重新排队的任务：%s", ", ".join(map(str, again)))
    # Threads: the long parts (LibreOffice, polars, the database) release the GIL, and threads share
    # the registry the apps' jobs.py filled at django.setup().
    consumer = queue().create_consumer(workers=workers, worker_type="thread", periodic=periodic)
    logger.info("后台处理程序已启动：%s 个线程", workers)
    consumer.run()


def worker_drain() -> int:
    """Run, in this process, every job id waiting on the queue; returns how many messages it took.

    `healthaction worker --drain` (a cron-style worker that stops when the queue is empty) and the
    tests use it: the same queue, messages and `job_run` as the consumer, without its threads."""
    instance = queue()
    taken = 0
    while (task := instance.dequeue()) is not None:
        instance.execute(task)
        taken += 1
    return taken
