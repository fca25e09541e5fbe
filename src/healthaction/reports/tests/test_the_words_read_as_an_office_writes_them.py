"""Comparators in words, a unit on every number, the plan's own target (高于95, not ≥95.01), completion
never negative, counts that change said as 增至/减至 and equal ones as 持平."""

from __future__ import annotations

from dataclasses import replace

from healthaction.reports.model import IndicatorResult, Milestone
from healthaction.reports.wording import moved_count, progress_words

BASE = IndicatorResult(
    indicator="居民健康素养水平",
    unit="%",
    status="LAGGING",
    shown="LAGGING",
    value=17.2,
    value_year=2022,
    baseline=18.0,
    baseline_year=2017,
    target=Milestone(2030, ">=", 30.0),
    expected=22.8,
    ratio=-0.17,
    score_fraction=0.0,
    flags=(),
    explanation="",
)


def test_a_value_behind_its_baseline_is_no_negative_percentage() -> None:
    text = progress_words(BASE, 2022)
    assert "-" not in text
    assert "2022年为17.2%" in text
    assert "应达到22.8%" in text
    assert "与基期2017年的18%相比尚无进展" in text
    assert "距2030年不低于30%的目标尚有差距" in text


def test_a_strict_target_keeps_the_plans_words() -> None:
    high = replace(BASE, status="ACHIEVED", shown="ACHIEVED", value=96.0, target=Milestone(2022, ">", 95.0))
    assert progress_words(high, 2022) == "2022年为96%，已达到2022年高于95%的目标"


def test_every_comparator_is_a_word_with_its_unit() -> None:
    for comparator, word in ((">=", "不低于"), ("<=", "不高于"), ("=", "目标"), ("<", "低于")):
        result = replace(BASE, unit="‰", ratio=None, target=Milestone(2022, comparator, 7.5))
        text = progress_words(result, 2022)
        assert f"2022年{word}7.5‰" in text
        assert not set("≥≤=<>") & set(text)


def test_no_data_is_said_plainly() -> None:
    assert progress_words(replace(BASE, value=None, shown="NO_DATA"), 2022) == "截至2022年无监测数据"


def test_counts_say_how_they_moved() -> None:
    assert moved_count(1, 1) == "均为1项，与上年持平"
    assert moved_count(3, 5) == "由3项增至5项"
    assert moved_count(5, 3) == "由5项减至3项"


def test_the_work_done_names_the_lagging_measures_and_the_organisation_points() -> None:
    from healthaction.reports.draft import Paragraph
    from healthaction.reports.drafting import work_blocks
    from healthaction.reports.model import ReportData, WorkDone

    work = WorkDone(
        round="2021年全年",
        measures=132,
        statuses=(("done", 123), ("overdue", 9)),
        behind=("措施2.4逾期（卫生健康局）",),
        organisation=(("机构设置", 3.0, 4.0, "领导小组成员调整后未及时发文"),),
        assessment="白银市2022年度考核",
    )
    data = ReportData(
        kind="overall", year=2022, region="平川区", campaign="健康平川行动", issuer="办公室",
        date=__import__("datetime").date(2023, 3, 15), indicators=(), actions=(), work=work,
    )  # fmt: skip
    text = "".join(b.text for b in work_blocks(data) if isinstance(b, Paragraph))
    assert (
        "截至2021年全年，责任清单共132项措施，已完成123项，逾期9项。滞后或逾期的1项：措施2.4逾期（卫生健康局）。"
        in text
    )
    assert "机构设置满分4分，得3分（领导小组成员调整后未及时发文）" in text


def test_a_bonus_above_the_cap_is_said_as_claimed_and_as_counted() -> None:
    """A 加分 of 1000 capped to 5 in the score: the 通报 says both, never 「加1000分」 alone."""
    import datetime

    from healthaction.reports.draft import Paragraph
    from healthaction.reports.drafting_assessment import _adjustment_blocks
    from healthaction.reports.model import Adjustment, RegionScore, ReportData, SchemeTerms

    score = RegionScore("会宁县", "白银市", 70.0, 5.0, 0.0, 75.0, "合格", 1, False, 8, 26)
    terms = SchemeTerms("考核", 26, 100.0, 0, 0.0, ((90.0, "优秀"),), "不合格", 5.0, ())
    data = ReportData(
        kind="assessment", year=2022, region="白银市", campaign="健康白银行动", issuer="办公室",
        date=datetime.date(2023, 3, 15), indicators=(), actions=(), scores=(score,),
        adjustments=(Adjustment("会宁县", "bonus", 1000.0, "获省级表彰"),), scheme=terms,
        bonus_claimed=(("会宁县", 1000.0),),
    )  # fmt: skip
    text = next(b.text for b in _adjustment_blocks(data) if isinstance(b, Paragraph))
    assert text == "会宁县因获省级表彰申报加1000分，按加分上限5分计5分。"
