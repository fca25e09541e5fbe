"""The original file of an imported plan can be downloaded from its page, as it was uploaded."""

from __future__ import annotations

from django.test import Client

from web.conftest import World
from web.plans.models import PlanDocument


def test_the_plan_page_links_to_the_original_file_which_downloads_as_uploaded(
    client: Client, world: World
) -> None:
    document = PlanDocument.objects.get()
    client.force_login(world.pingchuan_clerk)
    page = client.get(f"/plans/{document.pk}/").content.decode()
    assert f'href="/plans/{document.pk}/file/"' in page
    response = client.get(f"/plans/{document.pk}/file/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"plan v1"
    assert "attachment" in response["Content-Disposition"]
    assert "plan.txt" in response["Content-Disposition"]


def test_a_missing_file_is_a_clear_not_found(client: Client, world: World) -> None:
    document = PlanDocument.objects.get()
    document.file.storage.delete(document.file.name)
    client.force_login(world.office)
    response = client.get(f"/plans/{document.pk}/file/")
    assert response.status_code == 404
