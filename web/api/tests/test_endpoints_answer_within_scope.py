"""What each endpoint returns to someone allowed to see it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from web.conftest import World
from web.monitoring.models import Observation
from web.monitoring.services import observation_approve
from web.plans.models import PlanDocument

AsUser = Callable[[User], Callable[..., Any]]


def _submit(world: World, **fields: Any) -> dict[str, Any]:
    return {"region": world.pingchuan.code, "indicator_id": world.literacy.pk, "year": 2022, **fields}


def test_it_lists_the_plans_in_scope_and_details_one(as_user: AsUser, world: World) -> None:
    call = as_user(world.pingchuan_clerk)
    plans = call("get", "/api/plans").json()
    assert [p["title"] for p in plans] == ["健康平川行动实施方案（测试）"]
    assert plans[0]["region"] == {"code": world.pingchuan.code, "name": "平川区"}
    detail = call("get", f"/api/plans/{plans[0]['id']}").json()
    assert [a["name"] for a in detail["actions"]] == ["健康知识普及行动", "控烟行动"]
    assert detail["actions"][0]["lead_departments"] == ["区卫健局"]
    assert {t["indicator"] for t in detail["targets"]} == {"居民健康素养水平", "15岁以上人群吸烟率"}


def test_it_gives_a_region_its_own_and_its_citys_targets(as_user: AsUser, world: World) -> None:
    call = as_user(world.pingchuan_admin)
    targets = call("get", f"/api/regions/{world.pingchuan.code}/targets?indicator_id={world.literacy.pk}")
    rows = {(t["region"]["name"], t["text"]) for t in targets.json()}
    assert ("平川区", "不低于") in rows
    assert ("白银市", "≥20") in rows
    assert all(t["indicator"] == "居民健康素养水平" for t in targets.json())


def test_it_says_in_chinese_when_a_region_has_no_such_indicator(as_user: AsUser, world: World) -> None:
    response = as_user(world.office)(
        "get", f"/api/regions/{world.pingchuan.code}/targets?indicator_id=999999"
    )
    assert (response.status_code, response.json()["detail"]) == (404, "这个地区没有该指标")


def test_a_clerk_saves_a_draft_then_submits_it_through_the_entry_service(
    as_user: AsUser, world: World
) -> None:
    call = as_user(world.pingchuan_clerk)
    draft = call("post", "/api/observations", _submit(world, value="19.6"))
    assert draft.status_code == 200, draft.json()
    assert (draft.json()["state_label"], draft.json()["version"]) == ("草稿", 1)
    submitted = call("post", "/api/observations", _submit(world, value="19.8", version=1, submit=True))
    assert submitted.json()["state"] == "submitted"
    observation = Observation.objects.get(region=world.pingchuan, indicator=world.literacy, year=2022)
    assert (observation.value, observation.department) == (Decimal("19.8"), world.health)
    assert [c.action for c in observation.changes.all()] == ["保存草稿", "提交"]


def test_it_refuses_another_departments_indicator(as_user: AsUser, world: World) -> None:
    response = as_user(world.education_clerk)("post", "/api/observations", _submit(world, value="19.6"))
    assert (response.status_code, response.json()["detail"]) == (403, "不能填报其他部门的指标")
    assert not Observation.objects.exists()


def test_it_refuses_a_year_without_an_open_round(as_user: AsUser, world: World) -> None:
    response = as_user(world.pingchuan_clerk)(
        "post", "/api/observations", _submit(world, year=2023, value="1")
    )
    assert response.status_code == 403
    assert "未开放或已截止" in response.json()["detail"]


def test_it_asks_why_when_the_value_jumps_from_last_year(as_user: AsUser, world: World) -> None:
    Observation.objects.create(region=world.pingchuan, indicator=world.literacy, year=2021, value=10)
    call = as_user(world.pingchuan_clerk)
    response = call("post", "/api/observations", _submit(world, value="19"))
    assert response.status_code == 400
    assert "请说明原因" in response.json()["detail"]
    assert (
        call("post", "/api/observations", _submit(world, value="19", comment="新调查方法")).status_code == 200
    )


def test_it_answers_409_to_the_second_of_two_editors(as_user: AsUser, world: World) -> None:
    call = as_user(world.pingchuan_clerk)
    call("post", "/api/observations", _submit(world, value="19.6"))
    call("post", "/api/observations", _submit(world, value="19.7", version=1))
    stale = call("post", "/api/observations", _submit(world, value="18", version=1))
    assert stale.status_code == 409
    assert "您的修改未保存" in stale.json()["detail"]
    assert Observation.objects.get(year=2022).value == Decimal("19.7")


def test_it_rejects_text_where_a_number_belongs(as_user: AsUser, world: World) -> None:
    response = as_user(world.pingchuan_clerk)("post", "/api/observations", _submit(world, value="约10%"))
    assert response.status_code == 422
    assert response.json()["detail"].startswith("请求不正确")


def test_it_lists_observations_with_filters_and_pages(as_user: AsUser, world: World) -> None:
    for year, state in [(2020, "approved"), (2021, "approved"), (2022, "submitted")]:
        Observation.objects.create(
            region=world.pingchuan, indicator=world.literacy, year=year, value=10 + year % 10, state=state
        )
    Observation.objects.create(region=world.huining, indicator=world.literacy, year=2022, value=1)
    call = as_user(world.pingchuan_admin)
    everything = call("get", "/api/observations").json()
    assert (everything["count"], {o["region"]["name"] for o in everything["items"]}) == (3, {"平川区"})
    approved = call("get", "/api/observations?state=approved&limit=1").json()
    assert (approved["count"], len(approved["items"]), approved["items"][0]["year"]) == (2, 1, 2020)
    assert call("get", "/api/observations?year=2022").json()["items"][0]["state_label"] == "已提交"
    office = as_user(world.office)("get", f"/api/observations?region={world.baiyin.code}").json()
    assert office["count"] == 4


def test_it_reports_the_engines_statuses_after_an_approval(as_user: AsUser, world: World) -> None:
    call = as_user(world.pingchuan_clerk)
    saved = call("post", "/api/observations", _submit(world, value="23", submit=True)).json()
    observation = Observation.objects.get(pk=saved["id"])
    observation_approve(observation=observation, user=world.pingchuan_admin, version=observation.version)
    statuses = call("get", f"/api/regions/{world.pingchuan.code}/statuses?year=2022").json()
    literacy = next(s for s in statuses["series"] if s["indicator"] == "居民健康素养水平")
    assert (literacy["status"], literacy["label"], literacy["value"]) == ("ACHIEVED", "已达标", 23.0)
    assert sum(t["count"] for t in statuses["totals"]) == len(statuses["series"])
    assert call("get", f"/api/regions/{world.pingchuan.code}/statuses").json()["year"] == 2022


def test_it_answers_an_empty_year_before_any_evaluation(as_user: AsUser, world: World) -> None:
    statuses = as_user(world.leader)("get", f"/api/regions/{world.pingchuan.code}/statuses").json()
    assert (statuses["year"], statuses["series"]) == (None, [])
    assert PlanDocument.objects.exists()
