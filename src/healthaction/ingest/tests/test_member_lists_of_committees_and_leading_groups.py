"""推进委员会, 爱卫会 and 领导小组 lists: roles with any blank inside, continuation lines, name(position)."""

from __future__ import annotations

from healthaction.ingest.tests._text_documents import parse_text


def test_a_leading_groups_list_is_the_committee() -> None:
    plan = parse_text(
        "关于成立某某县健康某某行动领导小组的通知\n为加强领导，成立领导小组，组成人员如下：\n"
        "组　长：王大明（县委副书记、县长）\n副组长：李　强（县政府副县长）\n"
        "　　　　赵小红（县卫生健康局局长）\n成　员：张三丰（县委宣传部副部长）\n"
    )
    assert [(m.role, m.name, m.position) for m in plan.committee] == [
        ("组长", "王大明", "县委副书记、县长"),
        ("副组长", "李强", "县政府副县长"),
        ("副组长", "赵小红", "县卫生健康局局长"),
        ("成员", "张三丰", "县委宣传部副部长"),
    ]
    assert plan.working_groups == []
    assert not [w for w in plan.warnings if "工作组" in w]


def test_a_notice_to_the_committees_members_is_no_member_list() -> None:
    plan = parse_text(
        "关于印发某某行动2023年工作要点的通知\n健康某某行动推进委员会各成员单位、有关单位:\n现印发。\n"
    )
    assert plan.committee == []
    assert not [w for w in plan.warnings if "组成人员" in w]


def test_a_committee_list_with_spaced_roles_and_a_two_post_position() -> None:
    plan = parse_text(
        "关于调整某某市爱国卫生运动委员会组成人员的通知\n二、组成人员\n"
        "主 任:孙某某  市政府副市长\n副主任:梁某某  市委宣传部副部长、市文明办主任\n"
        "        张 斌  市发改委主任\n"
    )
    assert [(m.role, m.name, m.position) for m in plan.committee] == [
        ("主任", "孙某某", "市政府副市长"),
        ("副主任", "梁某某", "市委宣传部副部长、市文明办主任"),
        ("副主任", "张斌", "市发改委主任"),
    ]
