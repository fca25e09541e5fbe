"""Production safety from the environment: no public SECRET_KEY with DEBUG off, HTTPS settings and the
Content-Security-Policy from variables, `check --deploy` clean when they are set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client

from web.conftest import World

ROOT = Path(__file__).resolve().parents[3]
HTTPS = {
    "HEALTHACTION_HSTS_SECONDS": "31536000",
    "HEALTHACTION_HSTS_INCLUDE_SUBDOMAINS": "1",
    "HEALTHACTION_HSTS_PRELOAD": "1",
    "HEALTHACTION_SSL_REDIRECT": "1",
    "HEALTHACTION_SECURE_COOKIES": "1",
    "HEALTHACTION_ALLOWED_HOSTS": "jiankang.example.gov.cn",
}


def _manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HEALTHACTION_")}
    return subprocess.run(
        [sys.executable, str(ROOT / "web" / "manage.py"), *args],
        env={
            **clean,
            "HEALTHACTION_VAR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_public_development_key_is_refused_in_production(tmp_path: Path) -> None:
    run = _manage(
        tmp_path, "check", HEALTHACTION_SECRET_KEY="dev-only-healthaction-key-change-me-in-production"
    )
    assert run.returncode != 0
    assert "公开的开发密钥" in run.stderr
    assert _manage(tmp_path, "check", HEALTHACTION_SECRET_KEY="short").returncode != 0


def test_without_a_key_the_site_makes_its_own_once(tmp_path: Path) -> None:
    assert _manage(tmp_path, "check").returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    assert _manage(tmp_path, "check").returncode == 0
    assert (tmp_path / "secret_key").read_text() == key


def test_check_deploy_is_clean_with_the_https_variables(tmp_path: Path) -> None:
    run = _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **HTTPS)
    assert run.returncode == 0, run.stderr
    plain = _manage(tmp_path, "check", "--deploy")
    assert "security.W004" in plain.stderr  # off by default: the embedded site speaks plain HTTP


def test_every_page_carries_a_strict_content_security_policy(client: Client, world: World) -> None:
    client.force_login(world.office)
    policy = client.get(f"/regions/{world.pingchuan.code}/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
