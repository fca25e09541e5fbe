"""A 具体措施 cell becomes its numbered measures, and nothing else splits it."""

from __future__ import annotations

from healthaction.ingest.extract.measures import split_measures


def test_it_splits_at_sequential_numbers_and_removes_them() -> None:
    cell = "1.开展健康讲座，每年不少于60场次；2.改造农村户厕500座；3.建成健康步道1条。"
    assert split_measures(cell) == [
        "开展健康讲座，每年不少于60场次",
        "改造农村户厕500座",
        "建成健康步道1条。",
    ]


def test_it_never_splits_inside_decimals_or_names_like_pm25() -> None:
    cell = "1.卫生厕所普及率达到91.5%，PM2.5浓度下降；2.完成绿化0.01万亩。3.其他"
    assert split_measures(cell) == ["卫生厕所普及率达到91.5%，PM2.5浓度下降", "完成绿化0.01万亩。", "其他"]


def test_it_counts_up_so_a_stray_number_does_not_start_a_measure() -> None:
    cell = "1.每年体检，5.加强宣传；2.落实制度，1.再次强调。"
    assert split_measures(cell) == ["每年体检，5.加强宣传", "落实制度，1.再次强调。"]


def test_it_needs_a_clause_end_or_space_before_a_dotted_number() -> None:
    cell = "1.建成站点达到2.再提高；2.加强管理"
    assert split_measures(cell) == ["建成站点达到2.再提高", "加强管理"]


def test_a_cell_without_numbering_is_one_measure() -> None:
    cell = "按照“填平补齐”原则，改善疾病预防控制基础条件；提升监测检验技术能力。"
    assert split_measures(cell) == [cell]


def test_an_empty_cell_has_no_measures() -> None:
    assert split_measures("  ") == []


def test_it_reads_parenthesised_numbers() -> None:
    cell = "（1）开展健康评估；（2）建设健康步道。(3)每年体检"
    assert split_measures(cell) == ["开展健康评估", "建设健康步道。", "每年体检"]


def test_it_reads_circled_numbers() -> None:
    assert split_measures("①开展巡讲②发放手册；③建立档案。") == ["开展巡讲", "发放手册", "建立档案。"]


def test_it_reads_full_width_and_comma_numbers() -> None:
    assert split_measures("１．加强宣传；２、完善制度") == ["加强宣传", "完善制度"]


def test_the_numbering_that_starts_first_is_the_measures_own() -> None:
    cell = "1.加强慢病管理：（1）高血压；（2）糖尿病。2.加强传染病防治。"
    assert split_measures(cell) == ["加强慢病管理：（1）高血压；（2）糖尿病。", "加强传染病防治。"]


def test_text_before_the_first_number_is_kept_as_a_measure() -> None:
    assert split_measures("围绕三项重点：1.宣传；2.筛查") == ["围绕三项重点：", "宣传", "筛查"]


def test_numbering_after_a_line_break_splits() -> None:
    assert split_measures("1.宣传教育\n2.早期筛查") == ["宣传教育", "早期筛查"]
