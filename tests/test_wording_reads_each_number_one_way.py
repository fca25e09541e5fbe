"""healthaction.wording and the engine's sentence say the same number the same way: a table cell
beside the sentence never shows 74.225 where the sentence says 74.23, never a bare number where the
sentence has a unit, and a value carried into a later year's column says whose year it is."""

from __future__ import annotations

import re

from healthaction import wording
from healthaction.engine.single import evaluate_one

LIFE = [(2022, ">=", 79.0), (2030, ">=", 80.0)]


def test_a_computed_target_in_a_table_reads_as_in_the_sentence() -> None:
    row = evaluate_one(year=2021, baseline=(2017, 73.9), targets=LIFE, observed={2021: 74.1}, unit="岁")
    in_sentence = re.search(r"序时目标([^，]+)", row["explanation"])
    assert in_sentence is not None
    assert wording.expected(row["expected"], "岁") == in_sentence.group(1)


def test_a_computed_target_is_shown_to_the_indicator_s_decimals() -> None:
    assert wording.expected(74.225, "岁") == "74.23岁"
    assert wording.expected(42.2825, "%") == "42.28%"
    assert wording.expected(98.0, "%") == "98%"


def test_a_value_carried_from_last_year_says_it_is_last_year_s() -> None:
    assert wording.reported(83.64, "%", value_year=2023, year=2024) == "83.64%（2023年数据）"
    assert wording.reported(83.64, "%", value_year=2024, year=2024) == "83.64%"
    assert wording.reported(None, "%", value_year=None, year=2024) == "—"


def test_a_reported_value_carries_its_unit() -> None:
    assert wording.quantity(77.19, "%") == "77.19%"
    assert wording.quantity(18, "1/10万") == "18/10万"


def test_a_share_of_completion_is_never_negative() -> None:
    assert wording.percent(-0.575) == "0%"
    row = evaluate_one(
        year=2021, baseline=(2017, 18), targets=[(2022, ">=", 22.0)], observed={2021: 16}, unit="%"
    )
    assert "-" not in row["explanation"].split("完成序时进度的", 1)[1]


def test_a_report_table_holds_the_computed_target_to_the_decimals_its_sentence_writes() -> None:
    from healthaction.reports.tables import _computed

    assert _computed(91.1875) == 91.19
    assert wording.expected(91.1875, "%") == "91.19%"
    assert _computed(None) is None
