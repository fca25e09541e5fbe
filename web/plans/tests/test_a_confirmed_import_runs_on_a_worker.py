"""A confirmed plan import is a job: the request queues it and leads to its page; a worker parses the
file and writes the plan; the page then links to the imported plan. The same file again adds nothing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from web.conftest import PINGCHUAN, World
from web.jobs.models import Job
from web.jobs.worker import worker_drain
from web.plans.models import PlanDocument

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_5d24527bdd1311fb.txt"  # 健康平川行动


def _import(client: Client, capture: Any) -> str:
    content = SEED.read_bytes()
    upload = SimpleUploadedFile("健康平川行动实施方案.txt", content, content_type="text/plain")
    preview = client.post("/plans/upload/", {"file": upload, "region": PINGCHUAN}).content.decode()
    action = re.search(r'action="([^"]*/confirm/)"', preview)
    assert action, preview[:2000]
    choices = {
        name: value
        for name, value in re.findall(r'<select name="(dept:[^"]+)"><option value="(\d+)"', preview)
    }
    with capture(execute=True):
        response = client.post(action.group(1), {"region": PINGCHUAN, **choices})
    assert response.status_code == 302
    return str(response["Location"])


def test_the_office_confirms_and_a_worker_imports_the_plan(
    client: Client, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(world.office)
    before = PlanDocument.objects.filter(region=world.pingchuan).count()
    page = _import(client, django_capture_on_commit_callbacks)
    assert page.startswith("/jobs/")
    assert "排队中" in client.get(page).content.decode()
    assert worker_drain() == 1
    job = Job.objects.get()
    assert job.state == Job.State.DONE, job.error
    assert PlanDocument.objects.filter(region=world.pingchuan).count() == before + 1
    document = PlanDocument.objects.filter(region=world.pingchuan).latest("pk")
    status = client.get(page + "status/").content.decode()
    assert f"/plans/{document.pk}/" in status
    assert "《健康平川行动实施方案》" in status

    again = _import(client, django_capture_on_commit_callbacks)
    worker_drain()
    assert "没有变化" in client.get(again + "status/").content.decode()
    assert PlanDocument.objects.filter(region=world.pingchuan).count() == before + 1
