"""An approval recomputes its region's statuses and score and ranks the siblings again from their
stored scores (bench/web.py --national: about 1,350 sibling series were evaluated and rewritten per
approval before). The result must be what evaluating every sibling afresh gives, and the queries it
takes must not grow with the number of siblings."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from web.conftest import World
from web.monitoring.evaluation import statuses_refresh, statuses_refresh_after
from web.monitoring.models import Observation, RegionScore, SeriesStatus
from web.monitoring.services import observation_approve, observation_save
from web.plans.models import Target
from web.regions.models import Region

pytest.importorskip("healthaction.engine")
YEARS = range(2021, 2024)


def _siblings(world: World, extra: int) -> list[Region]:
    """平川区, 会宁县 and ``extra`` more counties of 白银市, each with approved values, evaluated together."""
    for n in range(extra):
        code = f"6204{90 + n}"
        Region.objects.create(
            code=code, name=f"测试{n}县", level=Region.Level.COUNTY, parent=world.baiyin,
            path=f"{world.baiyin.path}{code}/",
        )  # fmt: skip
    siblings = list(Region.objects.filter(parent=world.baiyin))
    for n, region in enumerate(siblings):
        for year in YEARS:
            for indicator, value in ((world.literacy, 17 + n % 5 + year - 2021), (world.smoking, 28 - n % 4)):
                Observation.objects.create(
                    region=region, indicator=indicator, year=year, value=Decimal(value),
                    state=Observation.State.APPROVED,
                )  # fmt: skip
    statuses_refresh(regions=siblings, years=YEARS)
    return siblings


def _held(regions: list[Region]) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    statuses = SeriesStatus.objects.filter(region__in=regions).values_list(
        "region_id", "indicator_id", "year", "status", "value", "expected", "target", "ratio", "explanation"
    )
    scores = RegionScore.objects.filter(region__in=regions).values_list(
        "region_id", "year", "score", "final", "grade", "rank", "achieved", "assessed"
    )
    return set(statuses), set(scores)


def _approve(world: World, value: str, year: int = 2022) -> Observation:
    observation = Observation.objects.get(region=world.pingchuan, indicator=world.literacy, year=year)
    observation.delete()
    saved = observation_save(
        region=world.pingchuan, indicator=world.literacy, year=year, value=Decimal(value), comment="复核无误",
        user=world.pingchuan_clerk, version=None, submit=True, department=world.health,
    )  # fmt: skip
    return observation_approve(observation=saved, user=world.pingchuan_admin, version=saved.version)


@pytest.mark.parametrize("value", ["40", "5"], ids=["to the top", "to the bottom"])
def test_an_approval_leaves_what_a_full_refresh_of_the_siblings_gives(world: World, value: str) -> None:
    siblings = _siblings(world, extra=4)
    before = _held(siblings)

    _approve(world, value)
    after = _held(siblings)
    statuses_refresh(regions=siblings, years=YEARS)

    assert after == _held(siblings)
    assert after != before  # the value moved the county's score and its rank among the siblings


def test_a_returned_value_leaves_what_a_full_refresh_gives(world: World) -> None:
    siblings = _siblings(world, extra=2)
    observation = Observation.objects.get(region=world.pingchuan, indicator=world.literacy, year=2022)
    Observation.objects.filter(pk=observation.pk).update(state=Observation.State.SUBMITTED)
    observation.refresh_from_db()

    statuses_refresh_after(observation)
    after = _held(siblings)
    statuses_refresh(regions=siblings, years=YEARS)

    assert after == _held(siblings)


@pytest.mark.parametrize("extra", [0, 12], ids=["two counties", "fourteen counties"])
def test_an_approvals_recompute_reads_as_many_queries_whatever_the_number_of_siblings(
    world: World, django_assert_max_num_queries: Callable[..., Any], extra: int
) -> None:
    _siblings(world, extra)
    observation = Observation.objects.get(region=world.pingchuan, indicator=world.literacy, year=2022)
    Observation.objects.filter(pk=observation.pk).update(value=Decimal("39"))
    observation.refresh_from_db()

    # the region, the last year, targets, baselines, values, a savepoint, the generation, the stored
    # statuses, their delete and insert, the siblings' scores, one update of those that moved, the release
    with django_assert_max_num_queries(13):
        statuses_refresh_after(observation)


def test_an_approval_after_a_target_changed_judges_by_the_new_target(world: World) -> None:
    siblings = _siblings(world, extra=2)
    _approve(world, "30")  # the county's targets, prepared for the engine, are kept for its next approval
    Target.objects.filter(indicator=world.literacy, year=2022).update(value=Decimal("35"))

    _approve(world, "31", year=2022)

    def recomputed() -> set[tuple[Any, ...]]:  # the county's own statuses from the value's year on
        return {row for row in _held([world.pingchuan])[0] if row[2] >= 2022}

    after = recomputed()
    statuses_refresh(regions=siblings, years=YEARS)
    assert after == recomputed()
    assert SeriesStatus.objects.get(region=world.pingchuan, indicator=world.literacy, year=2022).target == 35
