"""审核 as DHIS2's data-approval screen: each pending value beside last year's, its target, the change
and the plausibility warning; filters; a batch 通过 where one stale row does not stop the others."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation


def _pending(world: World) -> tuple[Observation, Observation]:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=10, unit="%", state="approved"
    )
    literacy = Observation.objects.create(
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        value=Decimal("19"),
        unit="%",
        state="submitted",
        comment="新的调查方法",
        department=world.health,
        updated_by=world.pingchuan_clerk,
    )
    smoking = Observation.objects.create(
        region=world.pingchuan,
        indicator=world.smoking,
        year=2022,
        value=Decimal("23.5"),
        unit="%",
        state="submitted",
        department=world.health,
        updated_by=world.pingchuan_clerk,
    )
    return literacy, smoking


def test_each_pending_value_shows_last_year_target_change_and_warning(client: Client, world: World) -> None:
    _pending(world)
    client.force_login(world.pingchuan_admin)
    page = client.get(f"/monitoring/{world.pingchuan.code}/review/").content.decode()
    assert "19%" in page
    assert "10%" in page
    assert "+90%" in page
    assert "2022年不低于22%" in page
    assert "请说明原因" in page  # the plausibility warning with its reason
    assert "新的调查方法" in page
    assert "区卫健局" in page
    plain = client.get(f"/monitoring/{world.pingchuan.code}/review/?flag=plain").content.decode()
    assert "15岁以上人群吸烟率" in plain
    assert "居民健康素养水平" not in plain.split("<tbody>")[1]
    flagged = client.get(f"/monitoring/{world.pingchuan.code}/review/?flag=flagged").content.decode()
    assert "居民健康素养水平" in flagged.split("<tbody>")[1]
    assert "2022年低于24.5%" not in flagged


def test_a_batch_approval_counts_the_rows_done_and_the_row_changed_meanwhile(
    client: Client, world: World
) -> None:
    literacy, smoking = _pending(world)
    client.force_login(world.pingchuan_admin)
    page = client.post(
        f"/monitoring/{world.pingchuan.code}/review/batch/",
        {
            "decision": "approve",
            "pick": [str(literacy.pk), str(smoking.pk)],
            f"version-{literacy.pk}": str(literacy.version + 1),  # someone changed it since the page was read
            f"version-{smoking.pk}": str(smoking.version),
        },
        follow=True,
    ).content.decode()
    assert "已通过1项" in page
    assert "1项未能处理" in page
    assert "居民健康素养水平" in page
    literacy.refresh_from_db()
    smoking.refresh_from_db()
    assert (literacy.state, smoking.state) == ("submitted", "approved")


def test_returning_needs_a_reason_on_each_row(client: Client, world: World) -> None:
    literacy, smoking = _pending(world)
    client.force_login(world.pingchuan_admin)
    page = client.post(
        f"/monitoring/{world.pingchuan.code}/review/batch/",
        {
            "decision": "return",
            "pick": [str(literacy.pk), str(smoking.pk)],
            f"version-{literacy.pk}": str(literacy.version),
            f"version-{smoking.pk}": str(smoking.version),
            f"comment-{literacy.pk}": "请核实调查样本",
        },
        follow=True,
    ).content.decode()
    assert "已退回1项" in page
    assert "退回时请填写退回原因" in page
    literacy.refresh_from_db()
    assert (literacy.state, literacy.review_comment) == ("returned", "请核实调查样本")


def test_one_row_button_decides_that_row_only_and_nothing_ticked_says_what_to_do(
    client: Client, world: World
) -> None:
    literacy, smoking = _pending(world)
    client.force_login(world.pingchuan_admin)
    url = f"/monitoring/{world.pingchuan.code}/review/batch/"
    client.post(url, {"one": f"approve-{smoking.pk}", f"version-{smoking.pk}": str(smoking.version)})
    smoking.refresh_from_db()
    literacy.refresh_from_db()
    assert (smoking.state, literacy.state) == ("approved", "submitted")
    page = client.post(url, {"decision": "approve"}, follow=True).content.decode()
    assert "请先勾选要审核的行" in page


def test_a_county_cannot_decide_another_countys_value(client: Client, world: World) -> None:
    literacy, _ = _pending(world)
    client.force_login(world.huining_admin)
    client.post(
        f"/monitoring/{world.huining.code}/review/batch/",
        {"decision": "approve", "pick": [str(literacy.pk)], f"version-{literacy.pk}": str(literacy.version)},
    )
    literacy.refresh_from_db()
    assert literacy.state == "submitted"
