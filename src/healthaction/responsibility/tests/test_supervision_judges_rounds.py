"""Status rules for one round, as tables; the lists the office uses for 督导, 约谈 and 整改."""

from __future__ import annotations

from datetime import date

import pytest

from healthaction.plan import PlanTask
from healthaction.responsibility.rounds import (
    MeasureReport,
    ProgressRound,
    ReportedStatus,
    tracked_measures,
)
from healthaction.responsibility.supervision import (
    Supervision,
    propose_interviews,
    rectifications_follow_up,
    rectifications_raise,
    supervise,
)

H1, H2 = ProgressRound(2021, 1), ProgressRound(2021, 2)
START = date(2021, 1, 1)
TOILETS = "2021年改造农村户厕500座"
TALKS = "组织专家开展健康讲座，每年不少于60场次"
CHECKS = "对接种单位开展巡查，每季度不少于1次"
RATE = "卫生厕所普及率达到91.5%"
PLAIN = "开展居民健康评估"


def _task(measure: str, deadline: str = "2021-12") -> PlanTask:
    return PlanTask(
        seq=1,
        program="实施健康细胞创建工程",
        task="创建健康村",
        measures=[measure],
        responsible_leaders=["张伟"],
        lead_leaders=["李娜"],
        lead_departments=["农业农村局"],
        responsible_departments=["卫生健康局"],
        deadline=deadline,
    )


def _supervise(
    measure: str,
    amount: float | None,
    status: ReportedStatus = "in_progress",
    *,
    round: ProgressRound = H1,
    on: date = date(2021, 7, 20),
    deadline: str = "2021-12",
) -> Supervision:
    measures = tracked_measures([_task(measure, deadline)], starts_on=START)
    amounts = {} if amount is None else {0: amount}
    reports = [
        MeasureReport("1.1", round, "农业农村局", status, amounts),
        MeasureReport("1.1", round, "卫生健康局", status),
    ]
    return supervise(measures, reports, round=round, on=on)


@pytest.mark.parametrize(
    ("measure", "amount", "status", "round", "on", "verdict"),
    [
        (TOILETS, 180, "in_progress", H1, date(2021, 7, 20), "behind"),  # 36% where 50% is due
        (TOILETS, 250, "in_progress", H1, date(2021, 7, 20), "in_progress"),  # exactly on the path
        (TOILETS, 500, "in_progress", H1, date(2021, 7, 20), "done"),
        (TOILETS, 480, "in_progress", H2, date(2022, 1, 20), "overdue"),
        (TOILETS, 480, "in_progress", H2, date(2021, 12, 31), "behind"),  # due today: behind, not yet overdue
        (TALKS, 20, "in_progress", H1, date(2021, 7, 20), "behind"),  # 20 of 60: 33% where 50% is due
        (TALKS, 30, "in_progress", H1, date(2021, 7, 20), "in_progress"),
        (CHECKS, 1, "in_progress", H1, date(2021, 7, 20), "behind"),  # 2 due by June
        (CHECKS, 2, "in_progress", H1, date(2021, 7, 20), "in_progress"),
        (RATE, 88, "in_progress", H1, date(2021, 7, 20), "in_progress"),  # a rate waits for its deadline
        (RATE, 92, "in_progress", H1, date(2021, 7, 20), "done"),
        (RATE, 88, "in_progress", H2, date(2022, 1, 20), "overdue"),
        (PLAIN, None, "in_progress", H1, date(2021, 7, 20), "in_progress"),
        (PLAIN, None, "not_started", H1, date(2021, 7, 20), "behind"),  # half the time gone, not started
        (PLAIN, None, "done", H1, date(2021, 7, 20), "done"),
        (PLAIN, None, "in_progress", H2, date(2022, 1, 20), "overdue"),
    ],
)
def test_it_judges_a_measure(
    measure: str, amount: float | None, status: ReportedStatus, round: ProgressRound, on: date, verdict: str
) -> None:
    assert _supervise(measure, amount, status, round=round, on=on).verdicts[0].status == verdict


def test_the_verdict_explains_itself_in_chinese() -> None:
    verdict = _supervise(TOILETS, 180).verdicts[0]
    assert (
        verdict.reason
        == "计划2021年12月前改造农村户厕500座，截至2021年上半年完成180座，完成36%，低于序时进度50%"
    )
    overdue = _supervise(TOILETS, 480, round=H2, on=date(2022, 1, 20)).verdicts[0]
    assert overdue.reason.endswith("已超过完成时限2021年12月仍未完成")


@pytest.mark.parametrize("deadline", ["长期", "每年"])
def test_long_term_and_yearly_work_is_never_overdue(deadline: str) -> None:
    verdict = _supervise(PLAIN, None, round=H2, on=date(2023, 1, 1), deadline=deadline).verdicts[0]
    assert verdict.status == "in_progress"


def test_a_yearly_amount_starts_again_each_year() -> None:
    verdict = _supervise(
        TALKS, 30, round=ProgressRound(2022, 1), on=date(2022, 7, 1), deadline="每年"
    ).verdicts[0]
    assert (verdict.status, verdict.progress[0].expected_share) == ("in_progress", 0.5)


def test_departments_amounts_add_up_but_a_rate_is_the_lead_departments() -> None:
    measures = tracked_measures([_task(TOILETS), _task(RATE)], starts_on=START)
    reports = [
        MeasureReport("1.1", H1, "农业农村局", "in_progress", {0: 150}),
        MeasureReport("1.1", H1, "卫生健康局", "in_progress", {0: 100}),
        MeasureReport("2.1", H1, "卫生健康局", "in_progress", {0: 95}),
        MeasureReport("2.1", H1, "农业农村局", "in_progress", {0: 89}),
    ]
    toilets, rate = supervise(measures, reports, round=H1, on=date(2021, 7, 1)).verdicts
    assert (toilets.progress[0].reported, toilets.status) == (250, "in_progress")
    assert (rate.progress[0].reported, rate.status) == (89, "in_progress")


def test_a_department_that_did_not_report_is_listed_once_the_round_closes() -> None:
    measures = tracked_measures([_task(TOILETS)], starts_on=START)
    reports = [MeasureReport("1.1", H1, "农业农村局", "in_progress", {0: 300})]
    open_round = supervise(measures, reports, round=H1, on=date(2021, 7, 10), closes_on=date(2021, 7, 15))
    assert [(m.department, m.late) for m in open_round.missing_reports] == [("卫生健康局", False)]
    closed = supervise(measures, reports, round=H1, on=date(2021, 7, 16), closes_on=date(2021, 7, 15))
    assert [m.reason for m in closed.late_reports] == ["卫生健康局2021年上半年有1项措施逾期未报（措施1.1）"]


def test_a_report_on_a_measure_not_in_the_list_is_refused() -> None:
    measures = tracked_measures([_task(TOILETS)], starts_on=START)
    with pytest.raises(ValueError, match=r"措施“9\.9”不在责任清单中"):
        supervise(
            measures, [MeasureReport("9.9", H1, "卫生健康局", "in_progress")], round=H1, on=date(2021, 7, 1)
        )


def test_a_department_cannot_report_on_another_departments_measure() -> None:
    measures = tracked_measures([_task(TOILETS)], starts_on=START)
    outsider = MeasureReport("1.1", H1, "教育局", "done", {0: 500})
    with pytest.raises(ValueError, match=r"教育局不是措施1\.1的牵头或责任部门"):
        supervise(measures, [outsider], round=H1, on=date(2021, 7, 1))


def test_lagging_work_is_listed_by_department_and_by_leader() -> None:
    supervision = _supervise(TOILETS, 180)
    assert list(supervision.by_department()) == ["农业农村局"]
    assert list(supervision.by_leader()) == ["张伟", "李娜"]


def test_a_department_behind_in_two_consecutive_rounds_is_proposed_for_an_interview() -> None:
    first = _supervise(TOILETS, 180)
    second = _supervise(TOILETS, 300, round=H2, on=date(2022, 1, 20))
    interviews = propose_interviews(second, first)
    assert [interview.department for interview in interviews] == ["农业农村局"]
    assert interviews[0].reason.startswith("农业农村局连续两轮进度滞后：2021年上半年措施1.1滞后")
    recovered = _supervise(TOILETS, 500, round=H2, on=date(2022, 1, 20))
    assert propose_interviews(recovered, first) == []
    with pytest.raises(ValueError, match="不是相邻的两轮"):
        propose_interviews(first, first)


def test_a_rectification_stays_open_until_a_later_round_finds_it_put_right() -> None:
    first = _supervise(TOILETS, 180)
    (item,) = rectifications_raise(first, due=date(2021, 9, 30))
    assert (item.department, item.measure_id, item.state(date(2021, 8, 1))) == ("农业农村局", "1.1", "open")
    assert item.state(date(2021, 10, 1)) == "overdue"
    (still,) = rectifications_follow_up([item], _supervise(TOILETS, 300, round=H2, on=date(2022, 1, 20)))
    assert still.closed_on is None
    (closed,) = rectifications_follow_up([item], _supervise(TOILETS, 500, round=H2, on=date(2022, 1, 20)))
    assert (closed.closed_on, closed.state(date(2022, 2, 1))) == (date(2022, 1, 20), "closed")


@pytest.mark.parametrize(
    ("text", "round"),
    [("2021H1", H1), ("2021h2", H2), ("2021年上半年", H1), ("2021年全年", H2), ("2021年下半年", H2)],
)
def test_it_reads_a_round(text: str, round: ProgressRound) -> None:
    assert ProgressRound.parse(text) == round


def test_rounds_follow_each_other() -> None:
    assert (H1.following, H2.previous, H2.following) == (H2, H1, ProgressRound(2022, 1))
    assert (H1.name, H2.name, H1.ends_on) == ("2021年上半年", "2021年全年", date(2021, 6, 30))
    with pytest.raises(ValueError, match="报告轮次“2021Q3”无法识别"):
        ProgressRound.parse("2021Q3")


@pytest.mark.parametrize("measure", [TOILETS, TALKS, CHECKS, RATE, PLAIN])
def test_a_round_before_the_work_began_expects_nothing(measure: str) -> None:
    measures = tracked_measures([_task(measure)], starts_on=START)
    before = supervise(measures, [], round=ProgressRound(2020, 2), on=date(2021, 1, 16))
    assert (before.missing_reports, before.lagging, before.overdue) == ((), [], [])
    assert before.verdicts[0].reason == "2020年全年责任清单工作尚未开始（2021年1月起）"


def test_a_department_silent_in_its_first_round_is_not_yet_proposed_for_an_interview() -> None:
    measures = tracked_measures([_task(TOILETS)], starts_on=START)
    before = supervise(measures, [], round=ProgressRound(2020, 2), on=date(2021, 1, 16))
    first = supervise(measures, [], round=H1, on=date(2021, 7, 16), closes_on=date(2021, 7, 15))
    assert [m.department for m in first.late_reports] == ["农业农村局", "卫生健康局"]
    assert propose_interviews(first, before) == []  # silent only once: no 约谈 yet


def test_work_finished_in_an_earlier_round_stays_finished_and_asks_for_no_report() -> None:
    measures = tracked_measures([_task(TOILETS)], starts_on=START)
    reports = [
        MeasureReport("1.1", H2, "农业农村局", "done", {0: 500}),
        MeasureReport("1.1", H2, "卫生健康局", "done"),
    ]
    later = ProgressRound(2022, 1)
    verdict = supervise(measures, reports, round=later, on=date(2022, 7, 20)).verdicts[0]
    assert verdict.status == "done"
    assert verdict.reason.startswith("已于2021年全年完成")
    assert verdict.missing == ()
    assert not supervise(measures, reports, round=later, on=date(2022, 7, 20)).late_reports


def test_work_unfinished_in_an_earlier_round_is_overdue_later_and_yearly_work_starts_again() -> None:
    unfinished = [MeasureReport("1.1", H2, "农业农村局", "in_progress", {0: 480})]
    measures = tracked_measures([_task(TOILETS)], starts_on=START)
    later = supervise(measures, unfinished, round=ProgressRound(2022, 1), on=date(2022, 7, 20))
    assert later.verdicts[0].status == "overdue"
    yearly = tracked_measures([_task(TALKS, "每年")], starts_on=START)
    done_last_year = [MeasureReport("1.1", H2, "农业农村局", "done", {0: 60})]
    next_year = supervise(yearly, done_last_year, round=ProgressRound(2022, 2), on=date(2023, 1, 20))
    assert next_year.verdicts[0].status != "done"
