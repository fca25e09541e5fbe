"""Issue 11 item 1–2 on data entry and the API: 1e309, 1E+25 or 99999999999999999999 poisoned a region
(saved as ±inf or a huge float, then every page 500). The one number rule refuses each, names the
indicator, echoes at most a short excerpt, saves nothing (the API: web/api/tests)."""

from __future__ import annotations

import pytest
from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation

REFUSED = [
    ("1e309", "数值过大"),
    ("1E+25", "数值过大"),
    ("99999999999999999999", "数值过大"),
    ("9" * 300, "数值过大"),
    ("inf", "应为数字"),
    ("NaN", "应为数字"),
    ("-5", "百分比应在0到100之间"),
    ("250", "百分比应在0到100之间"),
    ("12.1234567", "小数位过多"),
]


@pytest.mark.parametrize(("typed", "reason"), REFUSED)
def test_the_entry_form_refuses_it_naming_the_indicator(
    client: Client, world: World, typed: str, reason: str
) -> None:
    client.force_login(world.pingchuan_clerk)
    url = f"/monitoring/{world.pingchuan.code}/2022/"
    response = client.post(url, {f"value-{world.literacy.pk}": typed, "draft": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"「{world.literacy.name}」：{reason}" in page
    assert "9" * 40 not in page
    assert not Observation.objects.exists()
    assert client.get(url).status_code == 200


def test_the_entry_form_reads_full_width_digits_and_a_trailing_percent(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    url = f"/monitoring/{world.pingchuan.code}/2022/"
    assert client.post(url, {f"value-{world.literacy.pk}": "１９．６％", "draft": "1"}).status_code == 302
    assert str(Observation.objects.get().value.normalize()) == "19.6"
