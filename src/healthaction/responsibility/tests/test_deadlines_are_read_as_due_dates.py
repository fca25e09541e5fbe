"""完成时限 → due date, yearly or long-term, as a table."""

from __future__ import annotations

from datetime import date

import pytest

from healthaction.responsibility.deadlines import parse_deadline


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("2021-12", "date", date(2021, 12, 31)),
        ("2022-02", "date", date(2022, 2, 28)),
        ("2024-02", "date", date(2024, 2, 29)),
        ("2021年12月", "date", date(2021, 12, 31)),
        ("2021年 6月底前", "date", date(2021, 6, 30)),
        ("２０２１年１２月", "date", date(2021, 12, 31)),
        ("2021年底", "date", date(2021, 12, 31)),
        ("2022年", "date", date(2022, 12, 31)),
        ("2022年上半年", "date", date(2022, 6, 30)),
        ("2022年下半年", "date", date(2022, 12, 31)),
        ("2022年第三季度", "date", date(2022, 9, 30)),
        ("2022年一季度末", "date", date(2022, 3, 31)),
        ("2021年9月30日", "date", date(2021, 9, 30)),
        ("2021-06、2021-12", "date", date(2021, 12, 31)),
        ("2021年—2022年", "date", date(2022, 12, 31)),
        ("每年", "yearly", None),
        ("每年12月底前", "yearly", None),
        ("长期", "long_term", None),
        ("长期坚持", "long_term", None),
        ("持续推进", "long_term", None),
        ("", "unknown", None),
        ("视情况而定", "unknown", None),
        ("2021-13", "unknown", None),
    ],
)
def test_it_reads_the_deadlines_lists_write(text: str, kind: str, due: date | None) -> None:
    deadline = parse_deadline(text)
    assert (deadline.kind, deadline.due, deadline.text) == (kind, due, text.strip())


def test_a_deadline_without_a_year_takes_the_lists_year() -> None:
    assert parse_deadline("6月底前", default_year=2022).due == date(2022, 6, 30)
    assert parse_deadline("年底前", default_year=2022).due == date(2022, 12, 31)
    assert parse_deadline("6月底前").kind == "unknown"


def test_only_a_dated_task_is_ever_overdue() -> None:
    assert parse_deadline("2021-12").is_overdue(date(2022, 1, 1))
    assert not parse_deadline("2021-12").is_overdue(date(2021, 12, 31))
    assert not parse_deadline("长期").is_overdue(date(2099, 1, 1))
    assert not parse_deadline("每年").is_overdue(date(2099, 1, 1))


def test_a_yearly_task_is_due_at_the_end_of_each_year() -> None:
    assert parse_deadline("每年").due_in(2022) == date(2022, 12, 31)
    assert parse_deadline("2021-12").due_in(2030) == date(2021, 12, 31)
    assert parse_deadline("长期").due_in(2022) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2021-12", "2021年12月底前"),
        ("2021年9月15日", "2021年9月15日前"),
        ("每年", "每年"),
        ("长期", "长期"),
        ("视情况而定", "视情况而定"),
        (None, "未定完成时限"),
    ],
)
def test_it_describes_a_deadline_in_chinese(text: str | None, words: str) -> None:
    assert parse_deadline(text).describe() == words
