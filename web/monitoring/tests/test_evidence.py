from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from web.conftest import World
from web.monitoring.evidence import MAX_EVIDENCE_BYTES
from web.monitoring.models import Evidence, Observation

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _upload(client: Client, world: World, name: str, content: bytes, **fields: str) -> str:
    url = f"/monitoring/{world.pingchuan.code}/2022/"
    data: dict[str, object] = {f"evidence-{world.literacy.pk}": SimpleUploadedFile(name, content), **fields}
    return client.post(url, data, follow=True).content.decode()


def _submit_with_report(client: Client, world: World) -> Evidence:
    client.force_login(world.pingchuan_clerk)
    _upload(
        client, world, "健康素养监测报告.pdf", PDF, **{f"value-{world.literacy.pk}": "19.6", "submit": "1"}
    )
    return Evidence.objects.get()


def test_it_keeps_an_uploaded_file_beside_the_value_and_in_the_history(client: Client, world: World) -> None:
    evidence = _submit_with_report(client, world)
    observation = Observation.objects.get(region=world.pingchuan, indicator=world.literacy, year=2022)
    assert evidence.observation == observation
    assert (evidence.original_name, evidence.size, evidence.content_type) == (
        "健康素养监测报告.pdf",
        len(PDF),
        "application/pdf",
    )
    assert evidence.uploaded_by == world.pingchuan_clerk
    assert Path(evidence.file.path).read_bytes() == PDF
    assert [c.action for c in observation.changes.all()] == ["提交", "上传佐证"]
    history = client.get(f"/monitoring/observations/{observation.pk}/history/").content.decode()
    assert "佐证材料「健康素养监测报告.pdf」" in history


def test_it_refuses_a_file_over_the_limit_with_a_clear_message_and_saves_nothing(
    client: Client, world: World
) -> None:
    client.force_login(world.pingchuan_clerk)
    too_big = PDF + b"0" * MAX_EVIDENCE_BYTES
    page = _upload(
        client, world, "扫描件.pdf", too_big, **{f"value-{world.literacy.pk}": "19.6", "draft": "1"}
    )
    assert "佐证材料「扫描件.pdf」过大（20.0 MB），单个文件不能超过20.0 MB" in page
    assert not Evidence.objects.exists()
    assert not Observation.objects.exists()


def test_it_refuses_types_other_than_pdf_images_word_and_excel(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    page = _upload(
        client, world, "run.exe", b"MZ\x90\x00", **{f"value-{world.literacy.pk}": "19.6", "draft": "1"}
    )
    assert "佐证材料「run.exe」的类型不允许" in page
    page = _upload(
        client, world, "假的.pdf", b"MZ\x90\x00", **{f"value-{world.literacy.pk}": "19.6", "draft": "1"}
    )
    assert "内容与扩展名.pdf不符" in page
    assert not Evidence.objects.exists()


def test_it_asks_for_the_value_before_the_evidence(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    page = _upload(client, world, "报告.pdf", PDF, draft="1")
    assert "请先填写本年值，再上传佐证材料" in page


def test_it_lists_the_file_for_the_reviewer_who_can_download_it(client: Client, world: World) -> None:
    evidence = _submit_with_report(client, world)
    client.force_login(world.pingchuan_admin)
    page = client.get(f"/monitoring/{world.pingchuan.code}/review/").content.decode()
    assert f"/monitoring/evidence/{evidence.pk}/" in page
    assert "健康素养监测报告.pdf" in page
    response = client.get(f"/monitoring/evidence/{evidence.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"


def test_it_refuses_the_file_to_an_outsider(client: Client, world: World) -> None:
    evidence = _submit_with_report(client, world)
    for outsider in (world.huining_admin, world.huining_clerk):
        client.force_login(outsider)
        assert client.get(f"/monitoring/evidence/{evidence.pk}/").status_code == 403
    client.logout()
    assert client.get(f"/monitoring/evidence/{evidence.pk}/").status_code == 302
