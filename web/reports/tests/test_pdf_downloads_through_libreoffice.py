"""PDF downloads: a worker converts the report with LibreOffice where installed (the request only queues
the job and leads to its page, which offers the file when ready); where it is not, the office is told."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from healthaction.reports.pdf import PROGRAM_VARIABLE, libreoffice
from web.conftest import PINGCHUAN, World
from web.jobs.worker import worker_drain
from web.monitoring.models import Observation


def _approved(world: World) -> None:
    for year, value in ((2021, 18), (2022, 23)):
        Observation.objects.create(
            region=world.pingchuan,
            indicator=world.literacy,
            year=year,
            value=Decimal(value),
            state=Observation.State.APPROVED,
        )


@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice is not installed here")
def test_the_office_downloads_the_overall_report_as_pdf(
    client: Client, world: World, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    _approved(world)
    client.force_login(world.office)
    page = client.get(f"/reports/{PINGCHUAN}/?year=2022").content.decode()
    assert f"/reports/{PINGCHUAN}/overall.pdf?year=2022" in page
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.get(f"/reports/{PINGCHUAN}/overall.pdf?year=2022")
    assert queued.status_code == 302
    job_page = client.get(queued["Location"]).content.decode()
    assert "排队中" in job_page
    assert 'hx-trigger="every 1s"' in job_page  # the page polls until the job is done
    assert worker_drain() == 1
    status = client.get(queued["Location"] + "status/").content.decode()
    assert "已完成" in status
    assert "hx-trigger" not in status
    response = client.get(queued["Location"] + "file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        pdf = tmp_path / "overall.pdf"
        pdf.write_bytes(body)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "平川区" in text
        assert "总体监测评估报告" in text


def test_without_libreoffice_the_page_and_the_download_say_so(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(PROGRAM_VARIABLE, str(tmp_path / "no-such" / "soffice"))
    _approved(world)
    client.force_login(world.office)
    page = client.get(f"/reports/{PINGCHUAN}/?year=2022").content.decode()
    assert "PDF 需要 LibreOffice" in page
    response = client.get(f"/reports/{PINGCHUAN}/overall.pdf?year=2022", follow=True)
    assert response.status_code == 200
    assert "生成 PDF 需要 LibreOffice" in response.content.decode()
    assert str(tmp_path / "no-such" / "soffice") in response.content.decode()


def test_an_outsider_gets_no_pdf(client: Client, world: World) -> None:
    _approved(world)
    client.force_login(world.huining_admin)
    assert client.get(f"/reports/{PINGCHUAN}/overall.pdf?year=2022").status_code == 403
