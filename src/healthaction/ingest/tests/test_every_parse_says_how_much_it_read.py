"""No document with numbered items yields an empty plan without a word: unread items are named."""

from __future__ import annotations

from healthaction.ingest.coverage import summary
from healthaction.ingest.tests._text_documents import parse_text


def test_numbered_items_that_became_nothing_are_warnings_with_their_line() -> None:
    plan = parse_text("某某行动实施方案\n一、总体要求\n（一）指导思想\n以人民健康为中心。\n（二）基本原则\n")
    assert plan.coverage.numbered_items == 3
    assert plan.coverage.unread_items == ["第2行", "第3行", "第5行"]
    assert plan.warnings[-1].startswith("第5行：编号条目“（二）基本原则”未能识别")
    assert summary(plan) == "未读出任何专项行动、目标、任务或成员；3 个编号条目未能识别：第2、3、5行"


def test_a_fully_read_task_list_says_so() -> None:
    plan = parse_text(
        "某某2023年工作要点\n一、加强领导\n（一）召开会议。（市卫健委负责）\n（二）开展评估。（市卫健委负责）\n"
    )
    assert plan.coverage.unread_items == []
    assert summary(plan) == "读出 2 项任务；3 个编号条目全部识别"


def test_a_heading_counts_as_read_when_what_is_under_it_was_read() -> None:
    plan = parse_text(
        "某某行动实施方案\n二、主要任务\n（一）实施健康知识普及行动。到2022年，居民健康素养水平不低于22%。"
        "（牵头部门：区卫健局）\n三、保障措施\n加强领导。\n"
    )
    assert plan.coverage.unread_items == ["第4行"]
