"""序号, leaders, 完成时限 and task text of a 责任清单 row."""

from __future__ import annotations

import pytest

from healthaction.ingest.extract.task_fields import normalise_deadline, parse_seq, split_leaders, tidy_text
from healthaction.ingest.extract.task_table import role_of


@pytest.mark.parametrize(
    ("written", "deadline"),
    [
        ("2021年12月", "2021-12"),
        ("2021年 12月", "2021-12"),
        ("2021年底", "2021-12"),
        ("2022年6月", "2022-06"),
        ("2022年6月底前", "2022-06"),
        ("2022年6月30日", "2022-06"),
        ("２０２２年６月", "2022-06"),
        ("2021-12-31", "2021-12"),
        ("长期", "长期"),
        ("每年", "每年"),
        ("2021年—2025年", "2021年—2025年"),
        ("2022年上半年", "2022年上半年"),
        ("", None),
    ],
)
def test_a_deadline_is_a_year_and_month_or_kept_as_written(written: str, deadline: str | None) -> None:
    assert normalise_deadline(written) == deadline


def test_one_character_tokens_pair_into_two_character_names() -> None:
    assert split_leaders("孔 铮 白建斌 刘 娜 徐 瑾") == ["孔铮", "白建斌", "刘娜", "徐瑾"]


def test_leaders_may_be_separated_by_commas_or_lines() -> None:
    assert split_leaders("陈警保、马富琴\n刘娜") == ["陈警保", "马富琴", "刘娜"]


def test_an_odd_single_character_is_kept_rather_than_lost() -> None:
    assert split_leaders("马宏军 刘") == ["马宏军", "刘"]


@pytest.mark.parametrize(
    ("cell", "seq"), [("1", 1), ("12.", 12), ("（3）", 3), ("１２", 12), ("", None), ("一", None)]
)
def test_a_seq_is_a_number(cell: str, seq: int | None) -> None:
    assert parse_seq(cell) == seq


def test_layout_spaces_inside_task_text_go_but_latin_spaces_stay() -> None:
    assert tidy_text("推进普及化扩 面提质") == "推进普及化扩面提质"
    assert tidy_text("推进 PM2.5 and VOCs 治理") == "推进 PM2.5 and VOCs 治理"


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("十二大工程", "program"),
        ("十大工程", "program"),
        ("重点工作任务", "task"),
        ("具体措施（2021年工作计划）", "measures"),
        ("包抓领导", "responsible_leaders"),
        ("牵头领导", "lead_leaders"),
        ("牵头单位", "lead_departments"),
        ("配合部门", "responsible_departments"),
        ("完成时间", "deadline"),
        ("完 成 时 限", "deadline"),
        ("序號", "seq"),
        ("备注", "ignored"),
        ("绩效指标", None),
    ],
)
def test_a_header_cell_is_known_by_its_words(header: str, role: str | None) -> None:
    assert role_of(header) == role
