"""Each plan upload waits in its own folder: confirm imports that file, and no file outlives it.

Issue 11: the pending upload and its ``<token>.name`` sidecar lay side by side and confirm picked
whichever was listed first (3 failures in 5); after success the sidecar stayed, so a second submit
gave a 500; refused and abandoned files stayed in ``media/pending`` forever; messages showed the
server's absolute path and read 「文件过大（50 MB），上限为 50 MB」.
"""

from __future__ import annotations

import io
import json
import os
import re
import time
from pathlib import Path
from typing import Any

import docx
import pytest
from django.core.management import call_command
from django.test import Client

from tests import hostile_files as hostile
from web.conftest import World
from web.plans.models import PlanDocument
from web.plans.pending import pending_root, pending_uploads_clean

PLAN = Path(__file__).resolve().parents[3] / "seeds" / "000_5d24527bdd1311fb.txt"


@pytest.fixture
def office(client: Client, world: World, settings: Any, tmp_path: Path) -> Client:
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(world.office)
    return client


def _upload(client: Client, content: bytes, name: str, region: str) -> tuple[int, str, str]:
    """(status, page, token of the preview or "")."""
    file = io.BytesIO(content)
    file.name = name
    response = client.post("/plans/upload/", {"file": file, "region": region})
    page = response.content.decode()
    found = re.search(r"/plans/upload/([0-9a-f]+)/confirm/", page)
    return response.status_code, page, found[1] if found else ""


def _pending() -> list[str]:
    root = pending_root()
    return sorted(p.name for p in root.iterdir()) if root.is_dir() else []


def test_confirm_imports_the_uploaded_file_every_time(office: Client, world: World) -> None:
    """Five uploads of the same file in a row, each confirmed: five successes, nothing left over."""
    for _ in range(5):
        status, page, token = _upload(
            office, PLAN.read_bytes(), "健康平川行动实施方案.txt", world.pingchuan.code
        )
        assert status == 200, page
        assert len(_pending()) == 1
        response = office.post(f"/plans/upload/{token}/confirm/", {"region": world.pingchuan.code})
        assert response.status_code == 302
        assert response["Location"].startswith("/plans/")
        assert _pending() == []
    assert PlanDocument.objects.filter(region=world.pingchuan, title="健康平川行动实施方案").count() == 1


def test_two_uploads_waiting_side_by_side_each_confirm_their_own(office: Client, world: World) -> None:
    _, _, first = _upload(office, PLAN.read_bytes(), "方案一.txt", world.pingchuan.code)
    _, _, second = _upload(office, PLAN.read_bytes(), "方案二.txt", world.pingchuan.code)
    assert first != second  # the same content, yet two records
    office.post(f"/plans/upload/{second}/confirm/", {})
    assert PlanDocument.objects.get(title="健康平川行动实施方案").file_name == "方案二.txt"
    assert _pending() == [first]


def test_a_second_submit_of_confirm_is_harmless(office: Client, world: World) -> None:
    _, _, token = _upload(office, PLAN.read_bytes(), "方案.txt", world.pingchuan.code)
    assert office.post(f"/plans/upload/{token}/confirm/", {}).status_code == 302

    again = office.post(f"/plans/upload/{token}/confirm/", {}, follow=True)

    assert again.status_code == 200
    assert "这次上传已导入、已取消或已过期" in again.content.decode()


def test_someone_elses_or_a_made_up_token_finds_nothing(office: Client, world: World, client: Client) -> None:
    _, _, token = _upload(office, PLAN.read_bytes(), "方案.txt", world.pingchuan.code)
    other = Client()
    other.force_login(world.huining_admin)
    for attempt in (token, "../../etc", "0" * 32, "x" * 500):
        response = other.post(f"/plans/upload/{attempt}/confirm/", {})
        assert response.status_code in (302, 404)
    assert _pending() == [token]


def test_cancel_deletes_the_upload(office: Client, world: World) -> None:
    _, page, token = _upload(office, PLAN.read_bytes(), "方案.txt", world.pingchuan.code)
    assert f"/plans/upload/{token}/cancel/" in page

    response = office.post(f"/plans/upload/{token}/cancel/", {}, follow=True)

    assert "已取消导入" in response.content.decode()
    assert _pending() == []
    assert office.post(f"/plans/upload/{token}/cancel/", {}).status_code == 302  # twice: harmless


def test_a_refused_file_is_deleted_at_once_and_its_message_names_no_server_path(
    office: Client, world: World, settings: Any
) -> None:
    status, page, _ = _upload(
        office, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "方案.txt", world.pingchuan.code
    )

    assert status == 400
    assert "方案.txt" in page
    assert str(settings.MEDIA_ROOT) not in page
    assert "pending" not in page
    assert "upload.txt" not in page
    assert _pending() == []


def test_a_hostile_docx_is_refused_with_a_clear_message(office: Client, world: World, tmp_path: Path) -> None:
    path = hostile.docx_with_empty_paragraphs(tmp_path, 20 * hostile.MB)

    status, page, _ = _upload(office, path.read_bytes(), "实施方案.docx", world.pingchuan.code)

    assert status == 400
    assert "实施方案.docx：文件的段落和表格单元格过多" in page
    assert _pending() == []


def test_a_file_over_the_size_limit_gives_its_real_size(
    office: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("web.plans.views.MAX_BYTES", 1024 * 1024)  # 1 MB, so the test sends 1.2 MB

    status, page, _ = _upload(office, b"x" * (1024 * 1024 + 150_000), "方案.txt", world.pingchuan.code)

    assert status == 400
    assert "文件过大（1.2 MB），上限为 1 MB" in page
    assert _pending() == []


def test_uploads_left_waiting_are_deleted_after_a_day(office: Client, world: World) -> None:
    _, _, old = _upload(office, PLAN.read_bytes(), "旧.txt", world.pingchuan.code)
    _, _, new = _upload(office, PLAN.read_bytes(), "新.txt", world.pingchuan.code)
    day_ago = time.time() - 25 * 3600
    meta = pending_root() / old / "meta.json"
    data = json.loads(meta.read_text(encoding="utf-8"))
    meta.write_text(json.dumps({**data, "created": day_ago}), encoding="utf-8")
    leftover = pending_root() / "0123abcd.docx"  # the old layout's file, from before this version
    leftover.write_bytes(b"old")
    os.utime(leftover, (day_ago, day_ago))

    out = io.StringIO()
    call_command("pending_uploads_clean", stdout=out)

    assert "删除过期的待确认上传2个" in out.getvalue()
    assert _pending() == [new]
    assert pending_uploads_clean(hours=24, now=time.time() + 25 * 3600) == 1
    assert _pending() == []


def test_a_docx_plan_uploads_and_confirms(office: Client, world: World) -> None:
    document = docx.Document()
    for line in PLAN.read_text(encoding="utf-8").splitlines()[:400]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)

    status, page, token = _upload(
        office, buffer.getvalue(), "健康平川行动实施方案.docx", world.pingchuan.code
    )
    assert status == 200, page

    assert office.post(f"/plans/upload/{token}/confirm/", {}).status_code == 302
    assert _pending() == []
