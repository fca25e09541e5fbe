"""Each rule and flag of evaluation.md §2, one small series at a time."""

from __future__ import annotations

import math

import pytest

from healthaction.engine import MISSED_LABEL, STATUS_LABELS, EvaluationOptions
from healthaction.engine.single import evaluate_one

LITERACY = [(2022, ">=", 22.0), (2030, ">=", 30.0)]


def test_it_judges_against_the_last_milestone_once_all_have_passed() -> None:
    row = evaluate_one(year=2031, baseline=(2017, 8), targets=LITERACY, observed={2031: 29})
    assert (row["status"], row["target_year"], row["flags"], row["label"]) == (
        "OFF_TRACK",
        2030,
        "deadline_passed;missed",
        MISSED_LABEL,
    )


def test_it_takes_the_earliest_observation_as_baseline_when_none_is_given() -> None:
    row = evaluate_one(year=2020, targets=[(2022, ">=", 20.0)], observed={2018: 10, 2020: 14})
    # E(2020) = 10 + 10 · 2 / 4 = 15, R = 4 / 5
    assert (row["baseline"], row["baseline_year"], row["expected"], row["ratio"]) == (10, 2018, 15, 0.8)
    assert (row["status"], row["flags"]) == ("LAGGING", "baseline_substituted")


def test_it_leaves_a_lone_observation_without_baseline() -> None:
    row = evaluate_one(year=2020, targets=[(2022, ">=", 20.0)], observed={2020: 15})
    assert (row["status"], row["flags"], row["score_fraction"], row["mode"]) == (
        "LAGGING",
        "no_baseline",
        0.75,
        "maintain",
    )


@pytest.mark.parametrize(
    ("year", "observed", "status", "flags"),
    [
        (2021, {2020: 15}, "LAGGING", "stale"),
        (2022, {2020: 15}, "NO_DATA", "missing"),
        (2021, {2020: 15, 2021: None}, "LAGGING", "stale"),
        (2021, {}, "NO_DATA", "missing"),
    ],
)
def test_it_uses_the_latest_value_no_older_than_max_age(
    year: int, observed: dict[int, float | None], status: str, flags: str
) -> None:
    row = evaluate_one(year=year, targets=[(2023, ">=", 20.0)], observed=observed)
    assert (row["status"], set(row["flags"].split(";")) - {"no_baseline"}) == (status, {flags})


def test_it_empties_the_value_cells_of_a_no_data_row() -> None:
    row = evaluate_one(year=2026, baseline=(2017, 8), targets=LITERACY, observed={2023: 24})
    assert [row[k] for k in ("value", "value_year", "expected", "ratio")] == [None] * 4
    assert row["explanation"] == "2026年无可用数据（最近一次报告为2023年）"


@pytest.mark.parametrize(
    ("value", "status", "score"),
    [(30.004, "ACHIEVED", 1), (30.005, "LAGGING", 0.999833), (29.995, "ACHIEVED", 1)],
)
def test_it_compares_two_sided_targets_rounded_half_up(value: float, status: str, score: float) -> None:
    row = evaluate_one(year=2020, targets=[(2022, "=", 30.0)], observed={2020: value}, polarity=0)
    assert (row["status"], row["comparator"], row["score_fraction"]) == (status, "=", score)
    assert "regressing" not in row["flags"]
    assert "declined_since_baseline" not in row["flags"]


def test_it_never_puts_a_two_sided_target_in_progress_mode() -> None:
    row = evaluate_one(
        year=2020, baseline=(2017, 10), targets=[(2022, "=", 30.0)], observed={2020: 5}, polarity=0
    )
    assert (row["status"], row["mode"], row["flags"], row["expected"]) == (
        "OFF_TRACK",
        "maintain",
        "fell_below_target",
        None,
    )


def test_it_reads_floats_as_the_decimals_they_stand_for() -> None:
    # 137 ‰ → 13.700000000000001 %: the same as a baseline of 13.7, so R = 0, not `regressing`
    row = evaluate_one(
        year=2020, baseline=(2017, 13.7), targets=[(2022, ">=", 20.0)], observed={2020: 137 / 10}
    )
    assert (row["ratio"], row["status"], row["flags"], row["value"]) == (0, "OFF_TRACK", "", 13.7)


def test_it_rounds_the_ratio_half_up_not_to_even() -> None:
    # E(2019) − y₀ = 16 and y = 1.975304: R = 0.1234565 exactly
    row = evaluate_one(year=2019, baseline=(2017, 0), targets=[(2021, ">=", 32.0)], observed={2019: 1.975304})
    assert row["ratio"] == 0.123457


def test_it_does_not_let_a_met_milestone_pull_the_path_back() -> None:
    # 2022 ≥ 5 is already met by the baseline 8: the path runs straight to 2030 ≥ 24
    row = evaluate_one(
        year=2021, baseline=(2017, 8), targets=[(2022, ">=", 5.0), (2030, ">=", 21.0)], observed={2021: 12}
    )
    assert (row["target_year"], row["mode"], row["expected"], row["status"]) == (
        2022,
        "maintain",
        None,
        "ACHIEVED",
    )
    row = evaluate_one(
        year=2023, baseline=(2017, 8), targets=[(2022, ">=", 5.0), (2030, ">=", 21.0)], observed={2023: 14}
    )
    assert (row["expected"], row["ratio"], row["status"]) == (14, 1, "ON_TRACK")


def test_it_offers_the_compound_growth_path() -> None:
    options = EvaluationOptions(trajectory="exponential")
    row = evaluate_one(year=2020, baseline=(2017, 8), targets=LITERACY, observed={2020: 15}, options=options)
    assert row["expected"] == pytest.approx(8 * (22 / 8) ** (3 / 5), abs=1e-6)


@pytest.mark.parametrize(
    ("comparator", "year", "value", "status", "flags"),
    [
        ("achieved", 2021, 1, "ACHIEVED", ""),
        ("achieved", 2021, 0, "LAGGING", ""),
        ("achieved", 2022, 0, "OFF_TRACK", ""),
        ("decrease", 2021, 9, "ACHIEVED", ""),
        ("decrease", 2021, 10, "LAGGING", ""),
        ("decrease", 2022, 10, "OFF_TRACK", ""),
        ("decrease", 2021, 11, "OFF_TRACK", "regressing"),
        ("increase", 2021, 11, "ACHIEVED", ""),
        ("increase", 2021, 9, "OFF_TRACK", "regressing"),
        ("maintain", 2021, 10, "ACHIEVED", "assumed_polarity"),
        ("maintain", 2021, 9.99, "OFF_TRACK", "assumed_polarity;regressing"),
        ("improve", 2021, 10.01, "ACHIEVED", "assumed_polarity"),
        ("improve", 2022, 10, "OFF_TRACK", "assumed_polarity"),
    ],
)
def test_it_judges_word_targets_against_the_baseline(
    comparator: str, year: int, value: float, status: str, flags: str
) -> None:
    baseline = None if comparator == "achieved" else (2017, 10.0)
    row = evaluate_one(
        year=year, baseline=baseline, targets=[(2022, comparator, None)], observed={year: value}
    )
    assert (row["status"], row["flags"], row["comparator"], row["target"]) == (
        status,
        flags,
        comparator,
        None,
    )
    assert row["score_fraction"] == (1 if status == "ACHIEVED" else 0)


def test_it_follows_polarity_for_improve() -> None:
    row = evaluate_one(
        year=2021, baseline=(2017, 10), targets=[(2022, "improve", None)], observed={2021: 9}, polarity=-1
    )
    assert (row["status"], row["flags"]) == ("ACHIEVED", "")


def test_it_wants_a_reference_for_word_targets() -> None:
    row = evaluate_one(year=2021, targets=[(2022, "decrease", None)], observed={2021: 9})
    assert (row["status"], row["flags"]) == ("LAGGING", "no_baseline")


@pytest.mark.parametrize(
    ("reference", "observed", "status", "flags"),
    [
        (None, {2020: 15.5, 2022: 16.4}, "ACHIEVED", ""),  # first interval is the reference
        (None, {2020: 15.5}, "NO_DATA", "insufficient_points"),
        (5.3, {2020: 15.5}, "ACHIEVED", ""),
        (5.3, {2019: 14.1, 2020: 15.5, 2022: 16.4}, "LAGGING", ""),  # 0.7 % then 4.8 %: it sped up
        (5.3, {2020: 0.0, 2022: 16.4}, "NO_DATA", "insufficient_points"),
        (10.0, {2018: 11, 2019: 12.1}, "OFF_TRACK", ""),  # exactly 10 %: not below the reference
        (10.1, {2018: 11, 2019: 12.1}, "ACHIEVED", ""),  # two equal rates: not faster than before
    ],
)
def test_it_compares_growth_rates_for_slow(
    reference: float | None, observed: dict[int, float], status: str, flags: str
) -> None:
    baseline = (2017, 10.0) if 2018 in observed else (2017, 14.0)
    row = evaluate_one(
        year=max(observed), baseline=baseline, targets=[(2022, "slow", reference)], observed=observed
    )
    assert (row["status"], row["flags"]) == (status, flags)


def test_it_names_statuses_in_chinese() -> None:
    assert STATUS_LABELS == {
        "ACHIEVED": "已达标",
        "ON_TRACK": "进度正常",
        "LAGGING": "进度滞后",
        "OFF_TRACK": "严重滞后",
        "NO_DATA": "无数据",
    }


@pytest.mark.parametrize(
    ("observed", "unit", "explanation"),
    [
        ({2021: 19}, "%", "2021年实际值19%，序时目标19.2%，完成序时进度的98.2%"),
        ({2025: 30.5}, None, "2025年实际值30.5，已达到2030年目标≥30，提前达标"),
        ({2022: 21}, "%", "2022年实际值21%，序时目标22%，完成序时进度的92.9%，未达到2022年目标≥22%"),
    ],
)
def test_it_explains_each_status_in_a_sentence(
    observed: dict[int, float], unit: str | None, explanation: str
) -> None:
    row = evaluate_one(year=max(observed), baseline=(2017, 8), targets=LITERACY, observed=observed, unit=unit)
    assert row["explanation"] == explanation


def test_it_says_a_value_gone_backwards_did_none_of_the_way_not_a_negative_share() -> None:
    row = evaluate_one(year=2021, baseline=(2017, 18), targets=LITERACY, observed={2021: 16}, unit="%")
    assert row["explanation"] == "2021年实际值16%，序时目标21.2%，完成序时进度的0%（较基期退步）"


def test_it_says_why_a_series_without_baseline_is_lagging() -> None:
    row = evaluate_one(year=2018, baseline=None, targets=LITERACY, observed={2018: 16}, unit="%")
    assert row["status"] == "LAGGING"
    assert row["explanation"] == (
        "2018年实际值16%，尚未达到2022年目标≥22%；缺少基期值，无法计算序时进度，按进度滞后计"
    )


def test_it_writes_per_hundred_thousand_after_the_number() -> None:
    row = evaluate_one(
        year=2021,
        baseline=(2017, 0),
        targets=[(2022, "<=", 18.0)],
        observed={2021: 50},
        unit="1/10万",
        polarity=-1,
    )
    assert row["explanation"] == "2021年实际值50/10万，未达到2022年目标≤18/10万，且较基期2017年0/10万退步"


def test_it_keeps_float_outputs_at_the_nearest_double() -> None:
    row = evaluate_one(year=2021, baseline=(2017, 84.2), targets=[(2022, ">=", 70.0)], observed={2021: 65})
    assert row["score_fraction"] == 0.928571
    assert not math.isnan(row["score_fraction"])
