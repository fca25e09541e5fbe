"""专项行动工作组, from small lists and tables written for the test."""

from __future__ import annotations

from typing import Any

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.extract import working_groups
from healthaction.ingest.extract.working_groups import action_name


def _blocks(text: str) -> list[Block]:
    return [Paragraph(line.strip(), f"第{i}行") for i, line in enumerate(text.splitlines(), start=1)]


def _groups(blocks: list[Block], warnings: list[str] | None = None) -> list[dict[str, Any]]:
    found = working_groups.extract(blocks, [] if warnings is None else warnings)
    return [group.model_dump() for group in found]


def _person(name: str, position: str | None) -> dict[str, str | None]:
    return {"name": name, "position": position}


LINES = """推进委员会下设两个专项行动工作组，负责专项行动的具体实施和监测工作。
（一）实施健康知识普及行动组
组  长：张  涛  区卫健局局长
成  员：韦海荣  区委宣传部副部长
李  明  区科协副主席
（二）实施合理膳食行动工作组
组  长：张  涛  区卫健局局长
副组长：李守国  区教育局副局长
成  员：王晓红  区农业农村局农产品质量安全监管股股长
三、其他事项
推进委员会成员因工作变动的，由接任者自行接替。
"""


def test_it_reads_groups_written_as_labelled_lines() -> None:
    assert _groups(_blocks(LINES)) == [
        {
            "action_name": "健康知识普及行动",
            "leader": _person("张涛", "区卫健局局长"),
            "members": [_person("韦海荣", "区委宣传部副部长"), _person("李明", "区科协副主席")],
        },
        {
            "action_name": "合理膳食行动",
            "leader": _person("张涛", "区卫健局局长"),
            "members": [
                _person("李守国", "区教育局副局长"),
                _person("王晓红", "区农业农村局农产品质量安全监管股股长"),
            ],
        },
    ]


def test_it_reads_a_group_written_on_one_line_with_bracketed_positions() -> None:
    text = (
        "1.健康知识普及行动工作组。组长：张涛（区卫健局局长）；"
        "成员：韦海荣（区委宣传部副部长）、李晓梅（区委网信办副主任）。"
    )
    assert _groups(_blocks(text)) == [
        {
            "action_name": "健康知识普及行动",
            "leader": _person("张涛", "区卫健局局长"),
            "members": [_person("韦海荣", "区委宣传部副部长"), _person("李晓梅", "区委网信办副主任")],
        }
    ]


def test_it_reads_a_heading_without_the_word_group_when_a_leader_follows() -> None:
    text = "（三）全民健身行动\n组长：刘  锋  区文旅局局长\n成员：赵玉堂  区体育中心主任\n"
    assert _groups(_blocks(text))[0]["action_name"] == "全民健身行动"


def test_it_reads_traditional_characters_and_keeps_them_as_written() -> None:
    text = "（一）實施健康知識普及行動組\n組  長：張  濤  區衛健局局長\n成  員：韋海榮  區委宣傳部副部長\n"
    assert _groups(_blocks(text)) == [
        {
            "action_name": "健康知識普及行動",
            "leader": _person("張濤", "區衛健局局長"),
            "members": [_person("韋海榮", "區委宣傳部副部長")],
        }
    ]


def test_it_reads_a_table_with_a_row_per_group() -> None:
    table = Table(
        (
            ("序号", "专项行动工作组", "组长", "成员"),
            (
                "1",
                "健康知识普及行动组",
                "张涛（区卫健局局长）",
                "韦海荣（区委宣传部副部长）、李明（区科协副主席）",
            ),
            (
                "2",
                "控烟行动组",
                "马维祖（区卫健局副局长）",
                "刘小宁（区爱卫办主任）\n郭伟（区烟草专卖局专卖科科长）",
            ),
        )
    )
    assert _groups([table]) == [
        {
            "action_name": "健康知识普及行动",
            "leader": _person("张涛", "区卫健局局长"),
            "members": [_person("韦海荣", "区委宣传部副部长"), _person("李明", "区科协副主席")],
        },
        {
            "action_name": "控烟行动",
            "leader": _person("马维祖", "区卫健局副局长"),
            "members": [_person("刘小宁", "区爱卫办主任"), _person("郭伟", "区烟草专卖局专卖科科长")],
        },
    ]


def test_it_reads_a_table_with_a_row_per_person_and_the_group_carried_down() -> None:
    table = Table(
        (
            ("工作组", "职务", "姓名", "单位及职务"),
            ("实施健康知识普及行动组", "组长", "张  涛", "区卫健局局长"),
            ("", "成员", "韦海荣", "区委宣传部副部长"),
            ("", "", "李  明", "区科协副主席"),
            ("实施控烟行动组", "组长", "马维祖", "区卫健局副局长"),
        )
    )
    assert _groups([table]) == [
        {
            "action_name": "健康知识普及行动",
            "leader": _person("张涛", "区卫健局局长"),
            "members": [_person("韦海荣", "区委宣传部副部长"), _person("李明", "区科协副主席")],
        },
        {"action_name": "控烟行动", "leader": _person("马维祖", "区卫健局副局长"), "members": []},
    ]


def test_it_warns_about_a_leader_with_no_group_and_a_group_with_no_one() -> None:
    warnings: list[str] = []
    text = "组长：张涛  区卫健局局长\n（一）实施控烟行动组\n（名单另行印发）\n"
    assert _groups(_blocks(text), warnings) == [{"action_name": "控烟行动", "leader": None, "members": []}]
    assert warnings == [
        "专项行动工作组：第1行的“组长：张涛  区卫健局局长”前没有找到工作组名称，未能读出",
        "专项行动工作组：第2行的“控烟行动”工作组没有读出组长和成员",
    ]


def test_it_names_the_action_without_numbering_implementation_or_group() -> None:
    assert action_name("（十八）实施健康人才队伍建设行动组") == "健康人才队伍建设行动"
    assert action_name("2、心理健康促进行动专项工作组") == "心理健康促进行动"
    assert action_name("健康知识普及行动工作组（牵头单位：区卫健局）") == "健康知识普及行动"
    assert action_name("组成人员") is None


def test_it_reads_no_group_from_prose_about_groups() -> None:
    text = (
        "推进委员会下设各专项行动工作组，负责专项行动的具体实施和监测工作。\n成员：各有关单位分管负责同志。\n"
    )
    assert _groups(_blocks(text)) == []
