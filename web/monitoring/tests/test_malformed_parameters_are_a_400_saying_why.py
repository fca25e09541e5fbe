"""Malformed parameters are a 400 with a Chinese reason, and nothing is written: ``version=abc`` on
审核, ``back=a/b`` (the redirect is checked before the decision is committed), a form in gb18030."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation
from web.monitoring.services import observation_save


def _submitted(world: World) -> Observation:
    return observation_save(
        region=world.pingchuan, indicator=world.literacy, year=2022, value=Decimal("19.6"), comment="",
        user=world.pingchuan_clerk, version=None, submit=True,
    )  # fmt: skip


@pytest.mark.parametrize("decision", ["approve", "return"])
@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"version": "abc"}, "版本号"),
        ({"version": "99999999999999999999"}, "版本号"),
        ({"version": "1", "back": "a/b"}, "返回的地区代码"),
        ({"version": "1", "back": "999999"}, "返回的地区代码"),
    ],
)
def test_a_malformed_decision_is_refused_before_anything_is_written(
    client: Client, world: World, decision: str, fields: dict[str, str], reason: str
) -> None:
    observation = _submitted(world)
    client.force_login(world.pingchuan_admin)
    response = client.post(
        f"/monitoring/observations/{observation.pk}/decide/",
        {"decision": decision, "comment": "数据有误", **fields},
    )
    assert response.status_code == 400
    assert reason in response.content.decode()
    observation.refresh_from_db()
    assert (observation.state, observation.version) == ("submitted", 1)


def test_a_form_sent_in_gb18030_is_read(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    body = urlencode(
        {f"value-{world.literacy.pk}": "19.6", f"comment-{world.literacy.pk}": "抽样调查", "draft": "1"},
        encoding="gb18030",
    )
    response = client.post(
        f"/monitoring/{world.pingchuan.code}/2022/",
        body,
        content_type="application/x-www-form-urlencoded; charset=gb18030",
    )
    assert response.status_code in (200, 302, 400)
    if response.status_code != 400:
        assert Observation.objects.get(year=2022).comment == "抽样调查"


def test_an_unknown_charset_is_a_400(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    response = client.generic(  # generic(): sent as is (post() would encode it in that charset)
        "POST",
        f"/monitoring/{world.pingchuan.code}/2022/",
        b"draft=1",
        content_type="application/x-www-form-urlencoded; charset=no-such-charset",
    )
    assert response.status_code == 400
    assert not Observation.objects.exists()


def test_a_multipart_form_in_gb18030_is_read_or_refused(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    boundary = "xYzZY"
    parts = [
        (f"value-{world.literacy.pk}", "19.6"),
        (f"comment-{world.literacy.pk}", "抽样调查"),
        ("draft", "1"),
    ]
    # The test client encodes a text body in the charset the content type names.
    body = (
        "".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in parts
        )
        + f"--{boundary}--\r\n"
    )
    response = client.post(
        f"/monitoring/{world.pingchuan.code}/2022/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}; charset=gb18030",
    )
    assert response.status_code in (200, 302, 400)
