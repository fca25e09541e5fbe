"""evaluation.md §5.6 through the services: four counties, 30/20/20/10/20, veto, bonus, tie-break."""

from __future__ import annotations

from decimal import Decimal

from web.assessment.compute import assessment_compute
from web.assessment.services import adjustment_add
from web.assessment.tests.conftest import A, B, C, Counties, D


def _adjust(counties: Counties) -> None:
    adjustment_add(
        scheme=counties.scheme,
        region=counties.a,
        kind="veto",
        points=None,
        reason="发生重大公共卫生事件",
        user=counties.office,
    )
    adjustment_add(
        scheme=counties.scheme,
        region=counties.c,
        kind="bonus",
        points=Decimal(1),
        reason="获省级表彰",
        user=counties.office,
    )


def test_it_scores_grades_and_ranks_the_four_counties(counties: Counties) -> None:
    _adjust(counties)
    scores = {s["region"]: s for s in assessment_compute(counties.scheme)["scores"]}
    assert [(scores[c]["score"], scores[c]["final"]) for c in (A, B, C, D)] == [
        (97.86, 97.86),
        (60.0, 60.0),
        (53.57, 54.57),
        (60.0, 60.0),
    ]
    assert [scores[c]["grade"] for c in (A, B, C, D)] == ["不合格", "合格", "不合格", "合格"]
    assert [scores[c]["rank"] for c in (A, B, C, D)] == [4, 1, 3, 1]
    assert scores[A]["vetoed"]
    assert scores[A]["adjustments"][0]["reason"] == "发生重大公共卫生事件"


def test_it_breaks_the_tie_by_achieved_series_when_the_scheme_says_so(counties: Counties) -> None:
    _adjust(counties)
    counties.scheme.tie_break = "achieved"
    counties.scheme.save()
    scores = {s["region"]: s for s in assessment_compute(counties.scheme)["scores"]}
    assert (scores[B]["rank"], scores[D]["rank"]) == (1, 2)
    assert (scores[B]["achieved"], scores[D]["achieved"]) == (3, 2)


def test_it_explains_each_series_in_chinese(counties: Counties) -> None:
    series = assessment_compute(counties.scheme)["series"]
    literacy = next(s for s in series if s["region"] == A and s["name"] == "居民健康素养水平")
    assert abs(literacy["score_fraction"] - 13 / 14) < 1e-6
    assert literacy["points"] == 27.86
    assert "序时" in literacy["explanation"]
    assert "序时进度" in literacy["rule"]
    unreported = next(s for s in series if s["region"] == C and s["name"] == "孕产妇死亡率")
    assert unreported["status"] == "NO_DATA"
    assert unreported["rule"] == "无可用数据：得分率为0"


def test_it_uses_the_schemes_own_grade_names_and_bonus_cap(counties: Counties) -> None:
    counties.scheme.grade_bands = [{"floor": 90, "name": "优秀"}, {"floor": 58, "name": "良好"}]
    counties.scheme.lowest_grade = "待改进"
    _adjust(counties)
    # A cap lowered after a 加分 was recorded still holds in the score (a new 加分 above it is refused).
    counties.scheme.bonus_cap = Decimal("0.5")
    counties.scheme.save()
    scores = {s["region"]: s for s in assessment_compute(counties.scheme)["scores"]}
    assert scores[C]["final"] == 54.07
    assert [scores[c]["grade"] for c in (A, B, C, D)] == ["待改进", "良好", "待改进", "良好"]


def test_a_quota_moves_the_excellent_beyond_it_one_grade_down(counties: Counties) -> None:
    counties.scheme.grade_bands = [{"floor": 55, "name": "优秀"}, {"floor": 50, "name": "良好"}]
    counties.scheme.quota_percent = Decimal(30)  # 4 counties → at most 1 优秀
    counties.scheme.tie_break = "achieved"
    counties.scheme.save()
    scores = {s["region"]: s for s in assessment_compute(counties.scheme)["scores"]}
    # A 97.86 rank 1 keeps 优秀; B and D (60) move to 良好
    assert [scores[c]["grade"] for c in (A, B, D)] == ["优秀", "良好", "良好"]
    assert "限额" in scores[B]["quota_note"]
