"""Jobs outlive the worker: one queued while no worker runs is done when a worker starts, and one a
killed worker was running is run again by the next worker on that host. Real `healthaction worker`
processes on a database and a queue of their own: the SQLite file (the default), and Redis when one
answers (DB 4 here; HEALTHACTION_TEST_REDIS_URL names another)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
REDIS = os.environ.get("HEALTHACTION_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")

SETUP = """
import django, json, os, socket, subprocess, sys
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from web.jobs.backend import queue
from web.jobs.models import Job
from web.jobs.services import job_enqueue
from web.regions.models import Region
queue().flush()  # a queue of this test's own
Region.objects.create(code="990000", name="示范省", level=Region.Level.PROVINCE, path="990000/")
waiting = job_enqueue(
    kind="monitoring.recompute", title="重新计算（排队）", params={"region": "990000"}, user=None
)
# A job a worker was running when it was killed: its process is gone.
gone = subprocess.Popen([sys.executable, "-c", "pass"]); gone.wait()
killed = Job.objects.create(
    kind="monitoring.recompute", title="重新计算（被中断）", params={}, state=Job.State.RUNNING,
    worker=f"{socket.gethostname()}:{gone.pid}", attempts=1,
)
print(json.dumps([waiting.pk, killed.pk]))
"""

CHECK = """
import django, json
django.setup()
from web.jobs.models import Job
print(json.dumps({j.pk: [j.state, j.attempts, j.outcome.get("lines", [])] for j in Job.objects.all()}))
"""


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.parametrize(
    "queue_url",
    [
        pytest.param("", id="sqlite"),
        pytest.param(REDIS, id="redis", marks=pytest.mark.skipif(not _redis_answers(), reason="no Redis")),
    ],
)
def test_queued_and_interrupted_jobs_are_done_once_a_worker_starts(tmp_path: Path, queue_url: str) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "web.config.settings",
        "HEALTHACTION_VAR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "HEALTHACTION_QUEUE_URL": queue_url or f"sqlite:///{tmp_path / 'queue.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }

    def python(code: str) -> str:
        done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip().splitlines()[-1]

    waiting, killed = json.loads(python(SETUP))
    program = Path(sys.executable).parent / "healthaction"
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [str(program), "worker", "--threads", "1", "--no-periodic"], env=env, cwd=ROOT, stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            jobs = json.loads(python(CHECK))
            if all(state == "done" for state, _, _ in jobs.values()) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
    assert jobs[str(waiting)][0] == "done", (tmp_path / "worker.log").read_text()
    assert jobs[str(killed)][:2] == ["done", 2]  # run again: its second attempt
    assert jobs[str(waiting)][2] == ["还没有监测值，无需计算"]  # the job's own summary, from the worker
