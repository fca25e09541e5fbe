"""An uploaded workbook with more rows than HEALTHACTION_INLINE_UPLOAD_ROWS is read and saved on a
worker: the upload leads to the job's page, which then says what was saved — or lists every problem
by sheet and cell, with nothing saved, as the upload page does."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.test import Client

from web.conftest import World
from web.jobs.models import Job
from web.jobs.worker import worker_drain
from web.monitoring.models import Observation
from web.monitoring.tests.test_workbook_round_trip import _fill, _row_of, _template, _upload


def test_a_large_upload_is_saved_by_the_worker(
    client: Client, world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.HEALTHACTION_INLINE_UPLOAD_ROWS = 5  # the test template's few rows count as large
    client.force_login(world.pingchuan_clerk)
    content = _fill(
        _template(client, world), 居民健康素养水平=(19.6, ""), **{"15岁以上人群吸烟率": ("24.1", "")}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, world, content, submit=True)
    assert response.status_code == 302
    page = response["Location"]
    assert not Observation.objects.exists()  # nothing in the request itself
    worker_drain()
    status = client.get(page + "status/").content.decode()
    assert "已完成" in status
    assert "提交了2个监测值" in status
    saved = {o.indicator.name: (o.value, o.state) for o in Observation.objects.all()}
    assert saved == {
        "居民健康素养水平": (Decimal("19.6"), "submitted"),
        "15岁以上人群吸烟率": (Decimal("24.1"), "submitted"),
    }


def test_a_large_upload_with_errors_lists_them_and_saves_nothing(
    client: Client, world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.HEALTHACTION_INLINE_UPLOAD_ROWS = 5
    client.force_login(world.pingchuan_clerk)
    book = _template(client, world)
    literacy = _row_of(book, "居民健康素养水平")
    content = _fill(book, 居民健康素养水平=("约10%", ""), **{"15岁以上人群吸烟率": (24.1, "")})
    with django_capture_on_commit_callbacks(execute=True):
        page = _upload(client, world, content)["Location"]
    worker_drain()
    assert Job.objects.get().state == Job.State.FAILED
    status = client.get(page + "status/").content.decode()
    assert "有1处问题，未保存任何数据" in status
    assert f"<td>填报</td><td>I{literacy}</td><td>应为数字，实际为「约10%」" in status
    assert not Observation.objects.exists()
