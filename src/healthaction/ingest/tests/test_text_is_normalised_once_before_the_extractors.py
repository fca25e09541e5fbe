"""Text as it really arrives (web pages, PDFs, journal reprints) is cleaned once, before any extractor."""

from __future__ import annotations

from healthaction.ingest.blocks import Paragraph, Table
from healthaction.ingest.tests._text_documents import normalised, parse_text


def _texts(text: str) -> list[str]:
    return [b.text for b in normalised(text) if isinstance(b, Paragraph) and b.text]


def test_a_no_break_space_inside_a_role_is_a_blank() -> None:
    plan = parse_text(
        "某某市爱国卫生运动委员会组成人员名单\n主\u00a0\u00a0任：张\u00a0\u00a0斌\u00a0\u00a0市政府副市长\n"
    )
    assert [(m.role, m.name, m.position) for m in plan.committee] == [("主任", "张斌", "市政府副市长")]


def test_flattened_ruby_loses_its_pinyin() -> None:
    assert _texts("實施健康專(zhuān)項行動") == ["實施健康專項行動"]
    assert _texts("健康行动(2019-2030年)") == ["健康行动(2019-2030年)"]


def test_a_heading_spaced_out_for_display_loses_its_spacing() -> None:
    assert _texts("(一) 健 康 知 识 普 及 行 动") == ["(一) 健康知识普及行动"]
    assert _texts("张 旭  文化和旅游部副部长") == ["张 旭  文化和旅游部副部长"]


def test_a_journal_page_header_between_two_pages_is_dropped() -> None:
    text = (
        "Page 9 - 中国药房(网络版)2023年1期\nP. 9\n"
        "2023 年 3 月 第 1 期 健康中国行动推进委员会办公室:工作要点 5\n组织开展特色活动"
    )
    assert _texts(text) == ["组织开展特色活动"]


def test_hard_line_breaks_inside_a_sentence_and_a_department_name_are_joined() -> None:
    text = (
        "(二)继续深入开展活动,加强公众应急救护知识技能培训,组织开展各类主题宣传活动,组织开\n"
        "展“寻找最美救护员”“世界急救日”“第七届全国红十字应急救护大赛”等活动,弘扬社会文明风\n"
        "尚。(健康中国行动推进办、中国红十字会总会牵头,中央宣传部、教育部、交通运输部、国家卫生健\n"
        "康委等部门单位参与)\n"
        "(三)开展第36个世界无烟日主题系列宣传活动。(国家卫生健康委牵头负责)"
    )
    texts = _texts(text)
    assert len(texts) == 2
    assert "组织开展“寻找最美救护员”" in texts[0]
    assert "国家卫生健康委等部门单位参与)" in texts[0]


def test_a_heading_and_its_body_stay_apart() -> None:
    text = (
        "健康中国行动推进办关于印发健康中国行动2023年工作要点的通知\n国健推委办发〔2023〕1号\n"
        "一、总体目标\n到2022年,全民健康素养水平稳步提高。"
    )
    assert len(_texts(text)) == 4


def test_an_html_table_flattened_one_cell_per_line_is_a_table_again() -> None:
    lines = ["领域 |", "序号 |", "指标 |", "2022年目标值 |", "|||", "(一) 健 康 知 识 普 及 行 动", "|"]
    lines += ["1 |", "居民健康素养水平(%) |", "≥22 |", "|||", "2 |", "个人定期记录身心健康状况 |", "|||"]
    blocks = normalised("\n".join(lines))
    assert len(blocks) == 1
    table = blocks[0]
    assert isinstance(table, Table)
    assert table.rows == (
        ("领域", "序号", "指标", "2022年目标值"),
        ("(一) 健康知识普及行动",),
        ("1", "居民健康素养水平(%)", "≥22"),
        ("2", "个人定期记录身心健康状况"),
    )


def test_a_page_with_a_blank_line_after_every_line_still_joins_its_wrapped_lines() -> None:
    text = (
        "(四)持续推进健康中国行动宣讲员队伍建设工作,不断扩大覆盖面和影响力。(推进办负责)\n\n"
        "(五)以全国科普日活动、全国科技活动周为载体,结合卫生健康节日纪念日,持续\n\n"
        "推进健康科普行动。开展新时代健康科普作品征集大赛,开展全国大学生暑期健康\n\n"
        "专项等活动。(科技部、国家卫生健康委、国家中医药局、国家疾控局、中国科协按\n\n"
        "职责分工负责)\n\n"
        "(六)部署加强学校食品安全和营养健康工作,完善校园食品安全管理体制机制。(教育部负责)\n"
    )
    texts = _texts(text)
    assert len(texts) == 3
    assert "持续推进健康科普行动。" in texts[1]
    assert texts[1].endswith("中国科协按职责分工负责)")
