"""A job that fails keeps its reason (Chinese, as the user must read it) and its retry button; the
retry runs it again with the same parameters. Only its owner (or an administrator) sees it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from healthaction.reports.pdf import PROGRAM_VARIABLE, libreoffice
from web.conftest import PINGCHUAN, World
from web.jobs.models import Job
from web.jobs.worker import worker_drain
from web.monitoring.models import Observation


@pytest.mark.skipif(libreoffice() is None, reason="LibreOffice is not installed here")
def test_a_pdf_that_failed_on_the_worker_says_why_and_a_retry_makes_it(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2022, value=Decimal(23),
        state=Observation.State.APPROVED,
    )  # fmt: skip
    client.force_login(world.office)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(f"/reports/{PINGCHUAN}/overall.pdf?year=2022")["Location"]
    # The worker's machine lost its LibreOffice after the page was asked for.
    monkeypatch.setenv(PROGRAM_VARIABLE, "/nonexistent/soffice")
    worker_drain()
    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    assert "生成 PDF 需要 LibreOffice" in job.error
    status = client.get(page + "status/").content.decode()
    assert "失败" in status
    assert "生成 PDF 需要 LibreOffice" in status
    assert "重试" in status
    assert "hx-trigger" not in status  # a finished job stops the polling

    monkeypatch.delenv(PROGRAM_VARIABLE)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page + "retry/").status_code == 302
    assert Job.objects.get().state == Job.State.QUEUED
    worker_drain()
    job = Job.objects.get()
    assert (job.state, job.attempts, job.error) == (Job.State.DONE, 2, "")
    assert client.get(page + "file/").content.startswith(b"%PDF")


def test_someone_elses_job_is_not_found(client: Client, world: World) -> None:
    title = "平川区2022年总体监测评估报告（PDF）"
    job = Job.objects.create(kind="reports.build", title=title, created_by=world.office)
    client.force_login(world.huining_admin)
    for suffix in ("", "status/", "file/"):
        assert client.get(f"/jobs/{job.pk}/{suffix}").status_code == 404
    assert client.post(f"/jobs/{job.pk}/retry/").status_code == 404
    assert "平川区" not in client.get("/jobs/").content.decode()


def test_a_reload_while_the_pdf_is_waiting_leads_to_the_same_job(
    client: Client, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2022, value=Decimal(23),
        state=Observation.State.APPROVED,
    )  # fmt: skip
    if libreoffice() is None:
        pytest.skip("LibreOffice is not installed here")
    client.force_login(world.office)
    first = client.get(f"/reports/{PINGCHUAN}/overall.pdf?year=2022")["Location"]
    again = client.get(f"/reports/{PINGCHUAN}/overall.pdf?year=2022")["Location"]
    assert first == again
    assert Job.objects.count() == 1
