"""责任清单 tables, as any reader hands them over, become tasks.

The tables here are small ones written for the variants real documents show:
pages split by a repeated header, merged 工程 cells, other column orders and
header words, two-row headers, headings across the table.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.extract import tasks
from healthaction.ingest.normalize import normalize_blocks
from healthaction.plan import PlanTask

HEADER = (
    "序号",
    "十大工程",
    "重点工作任务",
    "具体措施",
    "包抓领导",
    "牵头领导",
    "牵头部门",
    "责任部门",
    "完成时限",
)


def table(*rows: tuple[str, ...], where: str = "表1") -> Table:
    return Table(rows=tuple(rows), where=where)


def read(*blocks: Block) -> tuple[list[PlanTask], list[str]]:
    warnings: list[str] = []
    return tasks.extract(normalize_blocks(list(blocks)), warnings), warnings


def test_it_reads_each_field_of_a_row() -> None:
    found, warnings = read(
        table(
            HEADER,
            (
                "1",
                "实施健康素养提升工程",
                "加强健康促进",
                "1.开展培训；2.每年巡讲不少于60场次。",
                "张 伟 李明",
                "王芳",
                "卫生健康局",
                "区委宣传部 工会 生态环境 分局",
                "2021年 12月",
            ),
        )
    )
    assert warnings == []
    assert found == [
        PlanTask(
            seq=1,
            program="实施健康素养提升工程",
            task="加强健康促进",
            measures=["开展培训", "每年巡讲不少于60场次。"],
            responsible_leaders=["张伟", "李明"],
            lead_leaders=["王芳"],
            lead_departments=["卫生健康局"],
            responsible_departments=["区委宣传部", "工会", "生态环境分局"],
            deadline="2021-12",
        )
    ]


def test_a_row_continued_after_a_repeated_header_is_joined_to_the_row_above() -> None:
    found, _ = read(
        table(
            HEADER,
            (
                "7",
                "实施健康细胞创建工程",
                "推进普",
                "1.开展职",
                "张伟",
                "王芳",
                "卫生健康局",
                "区委宣传部",
                "2021年",
            ),
        ),
        Paragraph(""),
        table(
            HEADER,
            ("", "", "及化扩 面提质", "业病防治；2.加强宣传。", "", "", "", "科学技术局", "12月"),
            ("8", "", "创建健康家庭", "倡导绿色出行。", "张伟", "王芳", "妇联", "民政局", "长期"),
            where="表2",
        ),
    )
    first, second = found
    assert first.task == "推进普及化扩面提质"
    assert first.measures == ["开展职业病防治", "加强宣传。"]
    assert first.responsible_departments == ["区委宣传部", "科学技术局"]
    assert first.deadline == "2021-12"
    assert (second.seq, second.program, second.deadline) == (8, "实施健康细胞创建工程", "长期")


def test_a_page_that_does_not_repeat_the_header_still_continues_the_row() -> None:
    found, _ = read(
        table(
            HEADER,
            (
                "1",
                "实施健康素养提升工程",
                "加强健康促进",
                "1.开展培训；2.开展巡",
                "张伟",
                "王芳",
                "卫生健康局",
                "工会",
                "",
            ),
        ),
        Paragraph("— 3 —"),
        table(("", "", "", "讲活动。", "", "", "", "", "2021年12月"), where="表2"),
    )
    assert [(t.measures, t.deadline) for t in found] == [(["开展培训", "开展巡讲活动。"], "2021-12")]


def test_the_first_row_of_a_new_list_is_never_a_continuation() -> None:
    found, _ = read(
        table(
            HEADER,
            ("1", "实施健康素养提升工程", "加强健康促进", "开展培训。", "", "", "卫生健康局", "", "长期"),
        ),
        Paragraph("附件2"),
        table(HEADER, ("", "", "总体目标", "全面完成。", "", "", "健康办", "", "2022年底"), where="表2"),
    )
    assert [(t.seq, t.program, t.task, t.deadline) for t in found] == [
        (1, "实施健康素养提升工程", "加强健康促进", "长期"),
        (None, None, "总体目标", "2022-12"),
    ]


def test_a_total_goal_row_without_a_number_is_a_task_with_no_program() -> None:
    found, _ = read(
        table(
            HEADER,
            (
                "",
                "",
                "2021年总体目标",
                "力争到2021年，居民健康水平明显提升。",
                "张伟",
                "王芳",
                "健康办",
                "各成员单位",
                "2021年12月",
            ),
            (
                "1",
                "实施健康素养提升工程",
                "加强健康促进",
                "开展培训。",
                "张伟",
                "王芳",
                "卫生健康局",
                "工会",
                "2021年12月",
            ),
        )
    )
    assert [(t.seq, t.program) for t in found] == [(None, None), (1, "实施健康素养提升工程")]
    assert found[0].measures == ["力争到2021年，居民健康水平明显提升。"]


def test_merged_program_cells_are_carried_down() -> None:
    found, _ = read(
        table(
            HEADER,
            ("1", "实施健康素养提升工程", "加强健康促进", "开展培训。", "", "", "卫生健康局", "", "长期"),
            ("2", "", "提高身体素质", "建设步道。", "", "", "体育局", "", "长期"),
            ("3", "实施健康细胞创建工程", "创建健康社区", "开展评估。", "", "", "民政局", "", "长期"),
            ("4", "", "创建健康学校", "开设课程。", "", "", "教育局", "", "长期"),
        )
    )
    assert [t.program for t in found] == ["实施健康素养提升工程"] * 2 + ["实施健康细胞创建工程"] * 2


def test_a_program_cell_cut_short_is_joined_with_the_next_program_text() -> None:
    found, _ = read(
        table(
            HEADER,
            ("5", "实施医疗卫生", "加大人才引进", "引进人才。", "", "", "卫生健康局", "", "长期"),
            ("6", "人才培养工程", "增强基层培训", "开展培训。", "", "", "卫生健康局", "", "长期"),
            ("7", "", "完善激励机制", "完善机制。", "", "", "人社局", "", "长期"),
            ("8", "实施机构达标", "优化医疗机构", "推进建设。", "", "", "卫生健康局", "", "长期"),
        ),
        Paragraph(""),
        table(
            HEADER,
            ("", "工程", "", "全部达标。", "", "", "", "", ""),
            ("9", "", "提升疾控能力", "配备设备。", "", "", "卫生健康局", "", "长期"),
        ),
    )
    assert [t.program for t in found] == ["实施医疗卫生人才培养工程"] * 3 + ["实施机构达标工程"] * 2


def test_a_program_column_not_named_for_projects_never_joins_cells() -> None:
    header = ("序号", "领域", "重点任务", "具体措施", "牵头单位", "完成时间")
    found, _ = read(
        table(
            header,
            ("1", "健康知识普及", "加强宣传", "开展讲座。", "卫生健康局", "长期"),
            ("2", "合理膳食", "减盐减油", "开展宣传。", "市场监管局", "长期"),
        )
    )
    assert [t.program for t in found] == ["健康知识普及", "合理膳食"]


def test_columns_in_another_order_with_other_header_words() -> None:
    header = ("编号", "工作任务", "完成时间", "责任单位", "配合部门", "工作措施", "备注")
    found, warnings = read(
        table(
            header,
            (
                "1",
                "控烟行动",
                "2022年6月",
                "卫生健康局",
                "教育局、市场监管局",
                "（1）创建无烟单位；（2）开展宣传。",
                "无",
            ),
        )
    )
    assert warnings == []
    assert found == [
        PlanTask(
            seq=1,
            program=None,
            task="控烟行动",
            measures=["创建无烟单位", "开展宣传。"],
            lead_departments=["卫生健康局"],
            responsible_departments=["教育局", "市场监管局"],
            deadline="2022-06",
        )
    ]


def test_a_lone_responsibility_column_is_the_responsible_departments() -> None:
    header = ("序号", "重点任务", "具体措施", "责任单位", "时间节点")
    found, _ = read(table(header, ("1", "健全机制", "①建立制度②定期调度", "卫生健康局 财政局", "每年")))
    assert found[0].responsible_departments == ["卫生健康局", "财政局"]
    assert found[0].lead_departments == []
    assert found[0].measures == ["建立制度", "定期调度"]
    assert found[0].deadline == "每年"


def test_a_two_row_header_under_a_merged_responsibility_cell() -> None:
    found, _ = read(
        table(
            ("序号", "重点任务", "具体措施", "责任单位", "", "完成时限"),
            ("", "", "", "牵头单位", "配合单位", ""),
            ("1", "健全机制", "建立制度。", "卫生健康局", "财政局", "2021年底"),
        )
    )
    assert [(t.lead_departments, t.responsible_departments, t.deadline) for t in found] == [
        (["卫生健康局"], ["财政局"], "2021-12")
    ]


def test_a_title_row_above_the_header_is_skipped() -> None:
    found, _ = read(
        table(
            ("健康某某行动责任清单", "", "", "", ""),
            ("序号", "重点任务", "具体措施", "牵头部门", "完成时限"),
            ("1", "健全机制", "建立制度。", "卫生健康局", "2021年12月"),
        )
    )
    assert [t.task for t in found] == ["健全机制"]


def test_a_heading_row_across_the_table_names_the_program_of_the_rows_below() -> None:
    found, _ = read(
        table(
            ("序号", "重点任务", "具体措施", "牵头部门", "完成时限"),
            ("一、实施健康知识普及工程", "", "", "", ""),
            ("1", "加强宣传", "开展讲座。", "卫生健康局", "长期"),
            ("2", "建设阵地", "建设步道。", "体育局", "长期"),
            ("二、实施合理膳食工程", "", "", "", ""),
            ("3", "减盐减油", "开展宣传。", "市场监管局", "长期"),
        )
    )
    assert [t.program for t in found] == ["实施健康知识普及工程"] * 2 + ["实施合理膳食工程"]


def test_a_group_row_with_only_a_number_and_a_program_names_the_program() -> None:
    found, warnings = read(
        table(
            HEADER,
            ("一", "实施健康素养提升工程", "", "", "", "", "", "", ""),
            ("1", "", "加强健康促进", "开展培训。", "", "", "卫生健康局", "", "长期"),
            ("二", "实施健康细胞创建工程", "", "", "", "", "", "", ""),
            ("2", "", "创建健康社区", "开展评估。", "", "", "民政局", "", "长期"),
        )
    )
    assert warnings == []
    assert [(t.seq, t.program) for t in found] == [(1, "实施健康素养提升工程"), (2, "实施健康细胞创建工程")]


def test_a_numbered_row_with_nothing_to_do_is_reported() -> None:
    found, warnings = read(table(HEADER, ("1", "", "", "", "", "", "卫生健康局", "", "长期")))
    assert found == []
    assert warnings == ["表1的表格第2行：责任清单的这一行没有任务内容，未读取"]


def test_a_merged_task_cell_spanning_rows_gathers_their_measures_and_departments() -> None:
    found, _ = read(
        table(
            ("序号", "重点任务", "具体措施", "牵头部门", "完成时限"),
            ("1", "加强宣传", "开展讲座。", "卫生健康局", "2021年6月"),
            ("", "", "发放手册。", "教育局", "2021年12月"),
            ("2", "建设阵地", "建设步道。", "体育局", "长期"),
        )
    )
    assert [(t.task, t.measures, t.lead_departments, t.deadline) for t in found] == [
        ("加强宣传", ["开展讲座。", "发放手册。"], ["卫生健康局", "教育局"], "2021年6月、2021年12月"),
        ("建设阵地", ["建设步道。"], ["体育局"], "长期"),
    ]


def test_the_trailing_note_row_is_not_a_task() -> None:
    found, _ = read(
        table(
            HEADER,
            ("1", "实施健康素养提升工程", "加强健康促进", "开展培训。", "", "", "卫生健康局", "", "长期"),
            ("备注：包抓领导变动的，由新任领导承担相应职责。", "", "", "", "", "", "", "", ""),
        )
    )
    assert [t.seq for t in found] == [1]


def test_a_traditional_header_is_read_and_the_text_kept_as_written() -> None:
    header = ("序號", "重點任務", "具體措施", "牽頭部門", "責任部門", "完成時限")
    found, _ = read(
        table(header, ("1", "加強健康促進", "1.開展培訓；2.開展巡講。", "衛生健康局", "教育局", "2021年12月"))
    )
    assert [(t.task, t.measures, t.lead_departments) for t in found] == [
        ("加強健康促進", ["開展培訓", "開展巡講。"], ["衛生健康局"])
    ]


def test_html_remnants_are_removed_from_measures() -> None:
    found, _ = read(
        table(
            HEADER,
            (
                "1",
                "实施某工程",
                "加强促进",
                "<p>1.开展培训；2.开展巡讲。</p>",
                "",
                "",
                "卫生健康局",
                "",
                "长期",
            ),
        )
    )
    assert found[0].measures == ["开展培训", "开展巡讲。"]


def test_a_list_like_table_whose_header_cannot_be_read_is_reported_in_chinese() -> None:
    found, warnings = read(
        table(
            ("序号", "内容", "牵头单位", "完成时限"), ("1", "加强宣传", "卫生健康局", "长期"), where="第12行"
        )
    )
    assert found == []
    assert warnings == [
        "第12行的表格像是责任清单，但表头无法识别（“序号”、“内容”、“牵头单位”、“完成时限”），未读取"
    ]


def test_two_columns_claiming_one_field_are_reported_not_guessed() -> None:
    header = ("序号", "重点任务", "牵头单位", "牵头部门", "完成时限")
    found, warnings = read(table(header, ("1", "加强宣传", "卫生健康局", "教育局", "长期")))
    assert found == []
    assert len(warnings) == 1
    assert "表头无法识别" in warnings[0]


def test_an_unknown_column_is_reported_once() -> None:
    header = ("序号", "重点任务", "具体措施", "牵头部门", "绩效指标", "完成时限")
    found, warnings = read(
        table(header, ("1", "加强宣传", "开展讲座。", "卫生健康局", "讲座10场", "长期")),
        Paragraph(""),
        table(header, ("2", "建设阵地", "建设步道。", "体育局", "步道1条", "长期"), where="表2"),
    )
    assert [t.seq for t in found] == [1, 2]
    assert warnings == ["表1的责任清单有未能识别的列“绩效指标”，其内容未读取"]


def test_an_actions_table_or_an_indicator_table_is_not_a_task_list() -> None:
    found, warnings = read(
        table(
            ("专项行动", "牵头单位", "配合单位", "行动目标"),
            ("健康知识普及行动", "卫生健康局", "宣传部", "到2022年…"),
        ),
        table(
            ("序号", "指标", "考核依据", "基期水平", "2022年目标值"),
            ("1", "人均预期寿命（岁）", "《规划》", "73.7", "74.5"),
        ),
    )
    assert (found, warnings) == ([], [])


_CELLS = st.one_of(
    st.sampled_from(
        [*HEADER, "", "1", "2", "一、实施某工程", "备注：无", "2021年 12月", "1.甲；2.乙", "张 伟", "工程"]
    ),
    st.text(max_size=12),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.lists(_CELLS, max_size=10).map(tuple), max_size=6).map(tuple), max_size=4))
def test_any_tables_give_tasks_or_warnings_and_never_an_error(
    tables: list[tuple[tuple[str, ...], ...]],
) -> None:
    blocks: list[Block] = []
    for number, rows in enumerate(tables, start=1):
        blocks += [Table(rows=rows, where=f"表{number}"), Paragraph("")]
    found, warnings = read(*blocks)
    assert all(isinstance(task, PlanTask) for task in found)
    assert all(isinstance(warning, str) and warning for warning in warnings)
