"""Backup and restore as docs/deploy.md gives them: SQLite's `.backup`, PostgreSQL's `pg_dump -Fc` and
`pg_restore` into a fresh database. The restored database holds every value and every history row
(who changed what, when, from which value to which) exactly as the original, and the site starts on it.

Both run the real tools on databases of their own (a file under tmp; PostgreSQL databases
ha_queue_backup_*, when TEST_DATABASE_URL or DATABASE_URL names a PostgreSQL server)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[3]

BUILD = """
import django
django.setup()
from decimal import Decimal
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.conftest import BAIYIN, HUINING, PINGCHUAN, small_plan
from web.monitoring.services import observation_approve, observation_return, observation_save
from web.plans.services import plan_import
from web.plans.models import Indicator
from web.regions.models import Region
from web.regions.services import regions_load_codes
regions_load_codes(only={PINGCHUAN, HUINING})
pingchuan = Region.objects.get(code=PINGCHUAN)
plan_import(plan=small_plan(), region=pingchuan, content=b"plan v1", file_name="plan.txt")
office = user_create_or_update(
    username="office", password="backup-test-1", full_name="市办公室", role=Role.OFFICE_ADMIN,
    region=Region.objects.get(code=BAIYIN), department=None,
)
reviewer = user_create_or_update(  # 审核 by someone other than the submitter
    username="reviewer", password="backup-test-2", full_name="市办公室审核人", role=Role.OFFICE_ADMIN,
    region=Region.objects.get(code=BAIYIN), department=None,
)
for n, indicator in enumerate(Indicator.objects.filter(region=pingchuan).order_by("pk")):
    for year in range(2018, 2023):
        value = Decimal(10 + n) + (Decimal(year - 2018) / 3).quantize(Decimal("0.000001"))
        saved = observation_save(region=pingchuan, indicator=indicator, year=year, value=value,
                                 comment=f"{year}年填报", user=office, version=None, submit=True,
                                 reviewer=True)
        if year % 2:
            saved = observation_return(observation=saved, user=reviewer, version=saved.version,
                                       comment="请核实")
            saved = observation_save(region=pingchuan, indicator=indicator, year=year, value=value + 1,
                                     comment="已核实", user=office, version=saved.version, submit=True,
                                     reviewer=True)
        observation_approve(observation=saved, user=reviewer, version=saved.version)
"""

READ = """
import django, json
django.setup()
from web.monitoring.models import Observation, ObservationChange
values = sorted(
    [o.region.code, o.indicator.name, o.year, str(o.value), o.state, o.version, o.comment, o.review_comment]
    for o in Observation.objects.select_related("region", "indicator")
)
history = sorted(
    [c.observation.region.code, c.observation.indicator.name, c.observation.year, c.action,
     str(c.old_value), str(c.new_value), c.old_state, c.new_state, c.reason,
     c.user.username if c.user else None, c.at.isoformat()]
    for c in ObservationChange.objects.select_related("observation__region", "observation__indicator", "user")
)
print(json.dumps({"values": values, "history": history}, ensure_ascii=False))
"""


def _run(code: str, database: str, tmp_path: Path) -> str:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "web.config.settings",
        "HEALTHACTION_VAR": str(tmp_path),
        "DATABASE_URL": database,
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def _check(original: str, restored: str) -> None:
    before, after = json.loads(original), json.loads(restored)
    assert len(before["values"]) == 10  # two indicators × five years
    assert len(before["history"]) == 10 * 2 + 4 * 2  # 提交 + 审核通过 each; 退回 + 提交 in 2019 and 2021
    assert after == before


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 program is not installed")
def test_a_sqlite_backup_restores_every_value_and_history_row(tmp_path: Path) -> None:
    live, copy = tmp_path / "healthaction.sqlite3", tmp_path / "restored" / "healthaction.sqlite3"
    _run(BUILD, f"sqlite:///{live}", tmp_path)
    backup = tmp_path / "backup.sqlite3"
    # docs/deploy.md: sqlite3 var/healthaction.sqlite3 ".backup 'backup.sqlite3'" (safe while serving)
    subprocess.run(["sqlite3", str(live), f".backup '{backup}'"], check=True)
    copy.parent.mkdir()
    shutil.copyfile(backup, copy)  # restore: the backup file becomes the database
    _check(_run(READ, f"sqlite:///{live}", tmp_path), _run(READ, f"sqlite:///{copy}", tmp_path))


def _postgres() -> str | None:
    for name in ("TEST_DATABASE_URL", "DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith(("postgres://", "postgresql://")):
            return url
    return None


@pytest.mark.skipif(_postgres() is None or shutil.which("pg_dump") is None, reason="no PostgreSQL here")
def test_a_postgresql_dump_restores_every_value_and_history_row(tmp_path: Path) -> None:
    import psycopg

    server = urlsplit(_postgres() or "")
    source, target = "ha_queue_backup_source", "ha_queue_backup_restored"
    admin = server._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in (source, target):
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{source}"')
    try:
        source_url = server._replace(path=f"/{source}").geturl()
        target_url = server._replace(path=f"/{target}").geturl()
        _run(BUILD, source_url, tmp_path)
        dump = tmp_path / "healthaction.dump"
        # docs/deploy.md: pg_dump -Fc, then createdb and pg_restore --no-owner into the fresh database
        subprocess.run(["pg_dump", "-Fc", "-f", str(dump), source_url], check=True)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{target}"')
        subprocess.run(["pg_restore", "--no-owner", "-d", target_url, str(dump)], check=True)
        _check(_run(READ, source_url, tmp_path), _run(READ, target_url, tmp_path))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in (source, target):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
