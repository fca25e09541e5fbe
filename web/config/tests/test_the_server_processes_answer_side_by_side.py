"""`healthaction serve` with two processes answers many requests at once, on SQLite and PostgreSQL.

The processes are forked from one that has run `migrate`: had its database connection been carried
into both, they would talk on one socket and garble each other's replies (on PostgreSQL: 500s with
"lost synchronization with server", seen by the national bench). Sixteen clients at once, each asking
an overview that reads the database on every request, all get their page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from web.dashboards.tests.test_two_web_hosts_on_one_database_agree_at_once import (
    ROOT,
    SETUP,
    _answers,
    _free_port,
    _get,
)

POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


def _database(tmp_path: Path) -> tuple[str, str | None]:
    """A database of the test's own: a SQLite file, or a fresh PostgreSQL database beside the test one."""
    if not POSTGRES:
        return f"sqlite:///{tmp_path / 'db.sqlite3'}", None
    import psycopg

    name = f"ha_serve_{uuid.uuid4().hex[:12]}"
    url = urlsplit(os.environ["DATABASE_URL"])
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return url._replace(path=f"/{name}").geturl(), name


def _drop(name: str) -> None:
    import psycopg

    url = urlsplit(os.environ["DATABASE_URL"])
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_server_processes_answer_sixteen_clients_at_once(tmp_path: Path) -> None:
    database, created = _database(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "web.config.settings",
        "HEALTHACTION_VAR": str(tmp_path),
        "DATABASE_URL": database,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("HEALTHACTION_CACHE_URL", None)
    port = _free_port()
    server = None
    try:
        setup = [sys.executable, "-c", SETUP]
        done = subprocess.run(setup, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        cookie = f"sessionid={json.loads(done.stdout.strip().splitlines()[-1])['session']}"
        program = Path(sys.executable).parent / "healthaction"
        server = subprocess.Popen(
            [str(program), "serve", "--workers", "2", "--port", str(port)],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not _answers("127.0.0.1", port):
            assert server.poll() is None, "服务未能启动"
            assert time.monotonic() < deadline, "服务启动超时"
            time.sleep(0.3)

        def overview(_: int) -> str:
            return _get(port, "/regions/620403/?year=2022", cookie)[0]

        with ThreadPoolExecutor(16) as clients:
            pages = list(clients.map(overview, range(160)))
        assert all("监测总览" in page for page in pages)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if created is not None:
            _drop(created)
