"""Two web hosts on one database: an approval through one shows at once on the other.

Two real `healthaction serve` processes (on two free ports) share one database and, when Redis
answers, one dashboards cache in Redis (DB 5; HEALTHACTION_TEST_CACHE_URL names another) under a key
prefix of this run's own, so that a second test run at the same time (SQLite beside PostgreSQL) neither
answers on these ports nor shares these cache entries — each host's overview is cached before the
approval, so a stale part would be served if anything but the generation token decided what is current."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CACHE = os.environ.get("HEALTHACTION_TEST_CACHE_URL", "redis://127.0.0.1:6379/5")

SETUP = """
import django, json
django.setup()
from decimal import Decimal
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
caches["dashboards"].clear()
from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.conftest import BAIYIN, HUINING, PINGCHUAN, small_plan
from web.monitoring.services import observation_save
from web.plans.services import plan_import
from web.plans.models import Indicator
from web.regions.models import Region
from web.regions.services import regions_load_codes
regions_load_codes(only={PINGCHUAN, HUINING})
pingchuan = Region.objects.get(code=PINGCHUAN)
plan_import(plan=small_plan(), region=pingchuan, content=b"plan v1", file_name="plan.txt")
office = user_create_or_update(
    username="office", password="two-hosts-1", full_name="市办公室", role=Role.OFFICE_ADMIN,
    region=Region.objects.get(code=BAIYIN), department=None,
)
submitter = user_create_or_update(  # 审核 is by someone other than the submitter
    username="county", password="two-hosts-2", full_name="区县管理员", role=Role.COUNTY_ADMIN,
    region=pingchuan, department=None,
)
literacy = Indicator.objects.get(region=pingchuan, name="居民健康素养水平")
value = observation_save(
    region=pingchuan, indicator=literacy, year=2022, value=Decimal(23), comment="", user=submitter,
    version=None, submit=True, reviewer=True,
)
session = SessionStore()
session[SESSION_KEY] = str(office.pk)
session[BACKEND_SESSION_KEY] = "web.accounts.backends.ModelBackend"
session[HASH_SESSION_KEY] = office.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "pk": value.pk, "version": value.version}))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _get(port: int, path: str, cookie: str) -> tuple[str, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode(), response.headers.get("Set-Cookie", "")


def _cards(page: str) -> dict[str, int]:
    cards = re.findall(r'<a class="card [a-z]+" href="[^"]+"><b>(\d+)</b>([^<]+)</a>', page)
    return {label: int(n) for n, label in cards}


def test_an_approval_through_one_host_shows_at_once_on_the_other(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "web.config.settings",
        "HEALTHACTION_VAR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    if _answers("127.0.0.1", 6379):
        env["HEALTHACTION_CACHE_URL"] = CACHE
        env["HEALTHACTION_CACHE_PREFIX"] = f"test-two-hosts-{uuid.uuid4().hex}"
    else:
        env.pop("HEALTHACTION_CACHE_URL", None)  # each host's own memory: the token must still hold
    done = subprocess.run([sys.executable, "-c", SETUP], env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    built = json.loads(done.stdout.strip().splitlines()[-1])
    PORTS = (_free_port(), _free_port())  # noqa: N806 — the two hosts' ports, fixed for the test
    program = Path(sys.executable).parent / "healthaction"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    serve = [str(program), "serve", "--workers", "1", "--port"]
    hosts = [subprocess.Popen([*serve, str(port)], env=env, cwd=ROOT, **quiet) for port in PORTS]
    try:
        for port, host in zip(PORTS, hosts, strict=True):
            deadline = time.monotonic() + 60
            while not _answers("127.0.0.1", port):
                assert host.poll() is None, "服务未能启动"
                assert time.monotonic() < deadline, "服务启动超时"
                time.sleep(0.3)
        cookie = f"sessionid={built['session']}"
        overview = "/regions/620403/?year=2022"
        before = [_cards(_get(port, overview, cookie)[0]) for port in PORTS]  # both hosts cache it now
        assert before[0], "the overview shows no status cards"
        assert before[0] == before[1]
        assert before[0].get("已达标", 0) == 0

        review, set_cookie = _get(PORTS[1], "/monitoring/620403/review/", cookie)
        csrf = re.search(r"csrftoken=([^;]+)", set_cookie)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', review)
        assert csrf
        assert token
        form = {"decision": "approve", "version": built["version"], "csrfmiddlewaretoken": token.group(1)}
        request = urllib.request.Request(
            f"http://127.0.0.1:{PORTS[1]}/monitoring/observations/{built['pk']}/decide/",
            data=urllib.parse.urlencode(form).encode(),
            headers={"Cookie": f"{cookie}; csrftoken={csrf.group(1)}"},
        )
        with pytest.raises(urllib.error.HTTPError) as redirect:  # the decision redirects to the review
            urllib.request.build_opener(_NoRedirect).open(request, timeout=30)
        assert redirect.value.code == 302

        after = _cards(_get(PORTS[0], overview, cookie)[0])  # the other host, at once
        assert after.get("已达标", 0) == 1
        assert _cards(_get(PORTS[1], overview, cookie)[0]) == after
    finally:
        for host in hosts:
            host.terminate()
        for host in hosts:
            host.wait(timeout=30)
