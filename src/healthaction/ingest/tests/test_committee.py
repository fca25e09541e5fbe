"""推进委员会 members, from small lists written for the test in the layouts real plans use."""

from __future__ import annotations

from pathlib import Path

from healthaction.ingest import parse_file
from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.extract import committee
from healthaction.ingest.extract.people import Person, split_people, split_person
from healthaction.plan import Member


def _blocks(text: str) -> list[Block]:
    return [Paragraph(line.strip(), f"第{i}行") for i, line in enumerate(text.splitlines(), start=1)]


def _members(blocks: list[Block], warnings: list[str] | None = None) -> list[tuple[str, str, str | None]]:
    found = committee.extract(blocks, [] if warnings is None else warnings)
    return [(m.role, m.name, m.position) for m in found]


LIST = """健康会宁行动推进委员会组成人员
一、主要职责
推进委员会负责统筹推进健康会宁行动。
二、组成人员
主  任：周万成  县政府副县长
副主任：张  涛  县卫健局局长
        王正儒  县教育局局长
委  员：苏其伟  县公安局副局长
        崔红霞  县总工会党组书记、常务副主席

        任  鑫  县人社局局长
县人大代表、县政协委员及相关领域专家若干名（具体人员由推进委员会按程序确定）
秘书长：张  涛
        于振顺（兼）
        王海燕  县卫健局副局长（兼）
三、其他事项
推进委员会办公室设在县卫健局。办公室主任由卫生健康局局长张涛同志兼任，办公室成员由……担任。
"""


def test_it_reads_a_list_with_roles_carried_down_and_the_office_director_from_the_prose() -> None:
    assert _members(_blocks(LIST)) == [
        ("主任", "周万成", "县政府副县长"),
        ("副主任", "张涛", "县卫健局局长"),
        ("副主任", "王正儒", "县教育局局长"),
        ("委员", "苏其伟", "县公安局副局长"),
        ("委员", "崔红霞", "县总工会党组书记、常务副主席"),
        ("委员", "任鑫", "县人社局局长"),
        ("秘书长", "张涛", None),
        ("秘书长", "于振顺", None),
        ("秘书长", "王海燕", "县卫健局副局长（兼）"),
        ("办公室主任", "张涛", "卫生健康局局长"),
    ]


def test_it_reads_the_office_director_named_after_an_unlisted_title() -> None:
    text = "主任：陈强  区政府副区长\n办公室设在区卫健委，办公室主任由区卫生健康委副科级干部王海燕兼任。\n"
    assert _members(_blocks("健康西工行动推进委员会成员名单\n" + text))[-1] == (
        "办公室主任",
        "王海燕",
        "区卫生健康委副科级干部",
    )


def test_it_reads_positions_written_before_the_name() -> None:
    text = "推进委员会组成人员\n主任：区政府副区长 周万成\n副主任：区卫健局局长  张  涛\n"
    assert _members(_blocks(text)) == [("主任", "周万成", "区政府副区长"), ("副主任", "张涛", "区卫健局局长")]


def test_it_reads_several_members_separated_by_commas_on_one_line() -> None:
    text = (
        "推进委员会组成人员\n主任：周万成（区政府副区长）\n"
        "委员：张三（区教育局局长）、李四（区民政局局长）、王五（区财政局局长）\n"
    )
    assert _members(_blocks(text)) == [
        ("主任", "周万成", "区政府副区长"),
        ("委员", "张三", "区教育局局长"),
        ("委员", "李四", "区民政局局长"),
        ("委员", "王五", "区财政局局长"),
    ]


def test_it_reads_traditional_characters_and_keeps_them_as_written() -> None:
    text = (
        "健康長春行動推進委員會組成人員\n主任委員：周萬成  市政府副市長\n"
        "副主任委員：張  濤  市衛健委主任\n委　員：劉  鋒  市文旅局局長\n"
    )
    assert _members(_blocks(text)) == [
        ("主任委員", "周萬成", "市政府副市長"),
        ("副主任委員", "張濤", "市衛健委主任"),
        ("委員", "劉鋒", "市文旅局局長"),
    ]


def test_it_reads_a_real_table_with_the_role_carried_down() -> None:
    table = Table(
        (
            ("职务", "姓名", "单位及职务"),
            ("主任", "周万成", "区政府副区长"),
            ("副主任", "张  涛", "区卫健局局长"),
            ("", "张正儒", "区教育局局长"),
            ("委员", "苏其伟", "区公安分局副局长"),
        ),
        where="表1",
    )
    blocks: list[Block] = [Paragraph("健康平川行动推进委员会组成人员", "第1行"), table]
    assert _members(blocks) == [
        ("主任", "周万成", "区政府副区长"),
        ("副主任", "张涛", "区卫健局局长"),
        ("副主任", "张正儒", "区教育局局长"),
        ("委员", "苏其伟", "区公安分局副局长"),
    ]


def test_it_reads_a_table_without_a_header_as_list_lines() -> None:
    table = Table(
        (("主任", "周万成", "区政府副区长"), ("副主任", "张涛", "区卫健局局长"), ("", "刘锋", "区文旅局局长"))
    )
    blocks: list[Block] = [Paragraph("推进委员会组成人员如下：", "第1行"), table]
    assert _members(blocks) == [
        ("主任", "周万成", "区政府副区长"),
        ("副主任", "张涛", "区卫健局局长"),
        ("副主任", "刘锋", "区文旅局局长"),
    ]


def test_it_reads_the_committee_table_of_a_word_document(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("健康平川行动推进委员会组成人员")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("职务", "姓名", "单位及职务"), strict=True):
        cell.text = text
    for row in (
        ("主任", "周万成", "区政府副区长"),
        ("副主任", "张涛", "区卫健局局长"),
        ("", "刘锋", "区文旅局局长"),
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    path = tmp_path / "委员会.docx"
    document.save(str(path))
    assert parse_file(path).committee == [
        Member(role="主任", name="周万成", position="区政府副区长"),
        Member(role="副主任", name="张涛", position="区卫健局局长"),
        Member(role="副主任", name="刘锋", position="区文旅局局长"),
    ]


def test_it_warns_when_a_list_is_announced_but_not_readable() -> None:
    warnings: list[str] = []
    text = "附件2\n健康武威行动推进委员会职责及组成人员\n（名单另行印发）\n"
    assert _members(_blocks(text), warnings) == []
    assert warnings == ["推进委员会：第2行提到组成人员名单，但文中没有读出成员"]


def test_it_warns_about_a_labelled_line_it_cannot_read() -> None:
    warnings: list[str] = []
    text = "推进委员会组成人员\n主任：周万成  区政府副区长\n委员：区直各有关部门分管负责同志\n"
    assert _members(_blocks(text), warnings) == [("主任", "周万成", "区政府副区长")]
    assert warnings == ["推进委员会：第3行的“委员：区直各有关部门分管负责同志”未能读出姓名和职务"]


def test_it_reads_no_committee_from_prose_about_one() -> None:
    text = "区推进委员会主任由区政府分管领导担任，副主任由区卫健局主要负责同志担任。\n"
    assert _members(_blocks(text)) == []


def test_it_splits_names_and_positions_in_every_written_form() -> None:
    assert split_person("张  涛  区卫健局局长") == Person("张涛", "区卫健局局长")
    assert split_person("张正儒区教育局局长") == Person("张正儒", "区教育局局长")
    assert split_person("王瑜区残联党组成员") == Person("王瑜", "区残联党组成员")
    assert split_person("韩耀科  市住建局副局长") == Person("韩耀科", "市住建局副局长")
    assert split_person("于振顺（兼）") == Person("于振顺", None)
    assert split_person("区卫健局局长张涛") == Person("张涛", "区卫健局局长")
    assert split_person("区直各有关部门") is None
    assert split_people("刘泽  张掖日报社副社长、副总编辑") == [Person("刘泽", "张掖日报社副社长、副总编辑")]
    assert split_people("张三、李四、王五") == [
        Person("张三", None),
        Person("李四", None),
        Person("王五", None),
    ]


def test_it_reads_a_text_file_whose_list_is_separated_by_tabs(tmp_path: Path) -> None:
    path = tmp_path / "名单.txt"
    lines = [
        "健康临泽行动推进委员会组成人员",
        "主  任：\t周万成\t县政府副县长",
        "委  员：\t苏其伟\t县公安局副局长",
        "\t何红菊\t县委编办主任",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="gb18030")
    assert [(m.role, m.name, m.position) for m in parse_file(path).committee] == [
        ("主任", "周万成", "县政府副县长"),
        ("委员", "苏其伟", "县公安局副局长"),
        ("委员", "何红菊", "县委编办主任"),
    ]


def test_it_takes_the_office_director_once_when_the_list_already_names_one() -> None:
    text = (
        "推进委员会组成人员\n主任：周万成  区政府副区长\n办公室主任：张涛  区卫健局局长\n"
        "三、其他事项\n办公室主任由卫生健康局局长张涛同志兼任。\n"
    )
    assert _members(_blocks(text)) == [
        ("主任", "周万成", "区政府副区长"),
        ("办公室主任", "张涛", "区卫健局局长"),
    ]
