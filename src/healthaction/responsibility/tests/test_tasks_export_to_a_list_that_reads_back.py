"""Export → healthaction.ingest.parse_file → the same tasks, in .xlsx and .docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthaction.ingest import parse_file
from healthaction.plan import PlanTask
from healthaction.responsibility.export import (
    deadline_cell,
    measures_cell,
    program_spans,
    write_docx,
    write_xlsx,
)

_SEED = Path(__file__).parents[4] / "seeds" / "004_8b3226ce7b1288c5.txt"

TASKS = [
    PlanTask(
        seq=None,
        program=None,
        task="2021年总体目标",
        measures=["力争到2021年，人均预期寿命提高到76.5岁。"],
        responsible_leaders=["陈警保"],
        lead_leaders=["马富琴"],
        lead_departments=["健康办"],
        responsible_departments=["健康西夏建设领导小组成员单位"],
        deadline="2021-12",
    ),
    PlanTask(
        seq=1,
        program="实施健康素养提升工程",
        task="加强健康促进",
        measures=["组织健康科普专家开展健康巡讲、讲座等，每年不少于60场次", "加强健康教育宣传工作。"],
        responsible_leaders=["陈警保"],
        lead_leaders=["马富琴"],
        lead_departments=["卫生健康局"],
        responsible_departments=["区委宣传部", "工会", "各镇街"],
        deadline="2021-12",
    ),
    PlanTask(
        seq=2,
        program="实施健康素养提升工程",
        task="提高身体素质",
        measures=["2021年改造农村户厕500座，卫生厕所普及率达到91.5%", "加强PM10、PM2.5与臭氧协同治理"],
        responsible_leaders=["刘娜", "孔铮"],
        lead_leaders=["朱立红"],
        lead_departments=["文化旅游体育广电局"],
        responsible_departments=["发展改革局", "教育局"],
        deadline="2022-06",
    ),
    PlanTask(
        seq=3,
        program="实施重点领域改革创新工程",
        task="优化体制机制",
        measures=["统筹协调调度提升行动全局性工作"],
        responsible_leaders=["陈警保"],
        lead_leaders=["马富琴"],
        lead_departments=["卫生健康局"],
        responsible_departments=["区委编办"],
        deadline="长期",
    ),
]


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_an_exported_list_reads_back_as_the_same_tasks(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"责任清单{suffix}"
    (write_xlsx if suffix == ".xlsx" else write_docx)(TASKS, path, title="西夏区责任清单")
    plan = parse_file(path)
    assert plan.tasks == TASKS
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.skipif(not _SEED.exists(), reason="the 西夏区 seed is not in this checkout")
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_the_whole_seed_list_survives_a_round_trip(tmp_path: Path, suffix: str) -> None:
    tasks = parse_file(_SEED).tasks
    path = tmp_path / f"责任清单{suffix}"
    (write_xlsx if suffix == ".xlsx" else write_docx)(tasks, path)
    assert parse_file(path).tasks == tasks


def test_the_xlsx_merges_program_cells_and_repeats_the_header(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = write_xlsx(TASKS, tmp_path / "清单.xlsx")
    sheet = openpyxl.load_workbook(path).active
    header = "序号 工程 重点工作任务 具体措施 包抓领导 牵头领导 牵头部门 责任部门 完成时限"
    assert [cell.value for cell in sheet[2]] == header.split()
    assert "B4:B5" in {str(merged) for merged in sheet.merged_cells.ranges}
    assert sheet.print_title_rows == "$2:$2"
    assert (
        sheet["D4"].value
        == "1.组织健康科普专家开展健康巡讲、讲座等，每年不少于60场次\n2.加强健康教育宣传工作。"
    )


def test_the_docx_marks_its_header_row_to_repeat(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    path = write_docx(TASKS, tmp_path / "清单.docx")
    table = docx.Document(str(path)).tables[0]
    assert table.rows[0]._tr.xml.count("tblHeader") == 1
    assert table.cell(2, 1)._tc is table.cell(3, 1)._tc  # 工程 merged over tasks 1 and 2


def test_measures_are_numbered_one_to_a_line() -> None:
    assert measures_cell(["甲", "乙。"]) == "1.甲\n2.乙。"
    assert measures_cell(["2021年改造户厕", "乙"]) == "（1）2021年改造户厕\n（2）乙"


def test_deadlines_are_written_as_lists_write_them() -> None:
    assert [deadline_cell(d) for d in ("2021-12", "长期", "每年", None)] == ["2021年12月", "长期", "每年", ""]


def test_program_runs_are_found_for_merging() -> None:
    assert program_spans(TASKS) == [(1, 2)]
