"""复核 changes the score and keeps the reported value; a published version never changes; recompute → v2."""

from __future__ import annotations

from decimal import Decimal

import pytest

from web.assessment.compute import assessment_compute
from web.assessment.models import AssessmentResult
from web.assessment.services import (
    AssessmentError,
    adjustment_add,
    assessment_publish,
    organisation_score_set,
    review_value_set,
    scheme_copy_to_year,
    scheme_create,
)
from web.assessment.tests.conftest import C, Counties, D
from web.monitoring.models import Observation


def _final(counties: Counties, code: str) -> float:
    return next(s["final"] for s in assessment_compute(counties.scheme)["scores"] if s["region"] == code)


def test_a_reviewed_value_changes_the_score_but_the_reported_value_is_kept(counties: Counties) -> None:
    literacy = counties.indicators[0]
    review_value_set(
        scheme=counties.scheme,
        region=counties.c,
        indicator=literacy,
        year=2022,
        value=Decimal(22),
        reason="抽样复核结果为22%",
        user=counties.office,
    )
    assert _final(counties, C) == 68.57  # 53.57, 素养 0.5 → 1: +15 points
    reported = Observation.objects.get(region=counties.c, indicator=literacy, year=2022)
    assert reported.value == Decimal(15)
    row = next(
        s
        for s in assessment_compute(counties.scheme)["series"]
        if s["region"] == C and s["item"] == str(literacy.pk)
    )
    assert (row["reported"], row["reviewed"], row["value"]) == (15.0, 22.0, 22.0)
    assert row["review_reason"] == "抽样复核结果为22%"


def test_a_review_needs_a_reason(counties: Counties) -> None:
    with pytest.raises(AssessmentError, match="理由"):
        review_value_set(
            scheme=counties.scheme,
            region=counties.c,
            indicator=counties.indicators[0],
            year=2022,
            value=Decimal(22),
            reason=" ",
            user=counties.office,
        )


def test_publishing_freezes_the_result_and_recomputing_lists_the_differences(counties: Counties) -> None:
    first = assessment_publish(scheme=counties.scheme, user=counties.office)
    frozen = {s["region"]: s["final"] for s in first.data["scores"]}
    assert first.version == 1
    assert first.differences == []
    Observation.objects.filter(region=counties.d, indicator=counties.indicators[1]).update(value=Decimal(18))
    first.refresh_from_db()
    assert {s["region"]: s["final"] for s in first.data["scores"]} == frozen
    assert _final(counties, D) == 70.0
    second = assessment_publish(scheme=counties.scheme, user=counties.office)
    assert second.version == 2
    fields = {(d["region"], d["item"], d["field"]): (d["old"], d["new"]) for d in second.differences}
    assert fields[("景泰县", "", "最终得分")] == (60.0, 70.0)
    assert fields[("景泰县", "孕产妇死亡率", "采用值")] == (36.0, 18.0)
    assert AssessmentResult.objects.filter(scheme=counties.scheme).count() == 2


def test_organisation_items_add_their_points_beside_the_indicators(counties: Counties) -> None:
    scheme = scheme_create(
        region=counties.city,
        year=2023,
        indicators=counties.indicators[:1],
        points={counties.indicators[0].pk: Decimal(80)},
        organisation=[("机构设置", Decimal(10)), ("宣传", Decimal(10))],
    )
    items = list(scheme.organisation_items.all())
    organisation_score_set(item=items[0], region=counties.d, points=Decimal(10), reason="已设立", user=None)
    organisation_score_set(item=items[1], region=counties.d, points=Decimal("7.5"), reason="", user=None)
    scores = {s["region"]: s for s in assessment_compute(scheme)["scores"]}
    # 2023: literacy 2022 value is stale but within max_age 1 → 22 ≥ 22 achieved (80) + 10 + 7.5
    assert scores[D]["final"] == 97.5
    with pytest.raises(AssessmentError, match="0到10分"):
        organisation_score_set(item=items[1], region=counties.d, points=Decimal(11), reason="", user=None)


def test_a_scheme_is_copied_to_the_next_year_without_its_reviews(counties: Counties) -> None:
    adjustment_add(scheme=counties.scheme, region=counties.a, kind="veto", points=None, reason="x", user=None)
    counties.scheme.quota_percent = Decimal(30)
    counties.scheme.save()
    copy = scheme_copy_to_year(scheme=counties.scheme, year=2023)
    assert copy.year == 2023
    assert copy.quota_percent == Decimal(30)
    assert sorted(i.points for i in copy.items.all()) == sorted(i.points for i in counties.scheme.items.all())
    assert copy.adjustments.count() == 0
    with pytest.raises(AssessmentError, match="已存在"):
        scheme_copy_to_year(scheme=counties.scheme, year=2023)


def test_an_adjustment_outside_the_scheme_is_refused(counties: Counties) -> None:
    with pytest.raises(AssessmentError, match="不是白银市的下级地区"):
        adjustment_add(
            scheme=counties.scheme,
            region=counties.city,
            kind="bonus",
            points=Decimal(1),
            reason="x",
            user=None,
        )
