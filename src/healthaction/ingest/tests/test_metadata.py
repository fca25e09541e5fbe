"""Title, region, parent region, 文号, issuer and date, from small documents written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from healthaction.ingest.blocks import Block, Paragraph
from healthaction.ingest.extract import metadata
from healthaction.ingest.extract.dates import parse_date_line


def _blocks(text: str) -> list[Block]:
    return [Paragraph(line.strip(), f"第{i}行") for i, line in enumerate(text.splitlines(), start=1)]


def _meta(text: str) -> dict[str, Any]:
    return metadata.extract(_blocks(text), [])


NOTICE = """
会政发〔2021〕12号

白银市会宁县人民政府
关于印发《健康会宁行动实施方案》的通知

各乡镇人民政府，县政府各部门：
现将《健康会宁行动实施方案》印发给你们，请认真贯彻落实。

白银市会宁县人民政府
二〇二一年三月十日

健康会宁行动实施方案
为贯彻落实健康甘肃行动和健康白银行动（白政发〔2020〕9号），提高全县人民健康水平，制定本方案。
"""


def test_it_reads_a_notice_with_its_signature() -> None:
    assert _meta(NOTICE) == {
        "title": "健康会宁行动实施方案",
        "region": "会宁县",
        "parent_region": "白银市",
        "doc_number": "会政发〔2021〕12号",
        "issuer": "白银市会宁县人民政府",
        "issued_date": "2021-03-10",
    }


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2021年2月25日", "2021-02-25"),
        ("2021 年 2 月 25 日", "2021-02-25"),
        ("２０２１年２月２５日", "2021-02-25"),
        ("二〇二一年二月二十五日", "2021-02-25"),
        ("二○二○年十月十日", "2020-10-10"),
        ("二〇一九年十二月三十一日", "2019-12-31"),
        ("2021-02-25", "2021-02-25"),
        ("2021.2.5", "2021-02-05"),
        ("2021年2月30日", None),
        ("2021年2月25日印发", None),
        ("发文日期: 2020-07-03 16:55:50", None),
    ],
)
def test_it_reads_a_date_written_on_its_own_line(line: str, iso: str | None) -> None:
    assert parse_date_line(line) == iso


@pytest.mark.parametrize(
    "number", ["长政发〔2020〕7号", "长政发[2020]7号", "长政发（2020）7号", "长政办发［2020］15号"]
)
def test_it_reads_the_doc_number_with_any_brackets(number: str) -> None:
    assert _meta(f"{number}\n\n健康长春行动实施方案\n")["doc_number"] == number


def test_it_reads_the_doc_number_after_a_label_but_not_one_cited_in_the_text() -> None:
    cited = (
        "健康西工行动实施方案\n"
        "为贯彻落实《洛阳市人民政府关于推进健康洛阳行动的实施意见》（洛政〔2020〕17号），制定本方案。\n"
    )
    assert _meta(cited)["doc_number"] is None
    assert _meta("发文字号：洛西政〔2020〕3号\n" + cited)["doc_number"] == "洛西政〔2020〕3号"


def test_it_keeps_the_issuer_null_when_no_body_signs() -> None:
    text = """《健康西工行动实施方案》已经区政府研究同意，现予印发，请认真遵照执行。
                     2020年7月22日
健康西工行动实施方案
为贯彻落实《洛阳市人民政府关于推进健康洛阳行动的实施意见》，加快推进健康西工建设，西工区各单位要……。
"""
    meta = _meta(text)
    assert (meta["issuer"], meta["issued_date"], meta["doc_number"]) == (None, "2020-07-22", None)
    assert (meta["title"], meta["region"], meta["parent_region"]) == (
        "健康西工行动实施方案",
        "西工区",
        "洛阳市",
    )


def test_it_takes_the_signature_date_not_the_web_page_date() -> None:
    text = """文件编号: 发文日期: 2020-07-03 16:55:50
武威市人民政府印发《关于落实健康甘肃行动推进健康武威建设实施方案》的通知
各县、区人民政府：
    武威市人民政府
    2020年6月25日
关于落实健康甘肃行动推进健康武威建设实施方案
为贯彻落实《甘肃省人民政府关于推进健康甘肃行动的实施意见》，结合我市实际，制定如下实施方案。
"""
    assert _meta(text) == {
        "title": "关于落实健康甘肃行动推进健康武威建设实施方案",
        "region": "武威市",
        "parent_region": "甘肃省",
        "doc_number": None,
        "issuer": "武威市人民政府",
        "issued_date": "2020-06-25",
    }


def test_it_reads_regions_from_the_places_that_open_the_title() -> None:
    meta = _meta("附件：\n\n宁夏回族自治区银川市西夏区关于全民健康水平提升行动的实施方案责任清单\n")
    assert (meta["title"], meta["region"], meta["parent_region"]) == (
        "宁夏回族自治区银川市西夏区关于全民健康水平提升行动的实施方案责任清单",
        "西夏区",
        "银川市",
    )


def test_it_matches_traditional_characters_and_keeps_them_as_written() -> None:
    text = """長春市人民政府
關於印發《健康長春行動實施方案》的通知
長府發〔2020〕8號

長春市人民政府
2020年5月6日
為貫徹落實健康吉林行動，吉林省各地……，長春市全市推進健康長春建設。
"""
    assert _meta(text) == {
        "title": "健康長春行動實施方案",
        "region": "長春市",
        "parent_region": "吉林省",
        "doc_number": "長府發〔2020〕8號",
        "issuer": "長春市人民政府",
        "issued_date": "2020-05-06",
    }


def test_it_joins_a_title_wrapped_over_two_lines() -> None:
    text = "关于落实健康甘肃行动推进健康武威\n建设实施方案\n\n为推进健康武威建设，武威市各县区……。\n"
    assert _meta(text)["title"] == "关于落实健康甘肃行动推进健康武威建设实施方案"


def test_it_completes_a_region_from_the_level_words_when_the_text_never_writes_the_suffix() -> None:
    text = "健康临泽行动实施方案\n到2022年，全县居民健康素养水平不低于22%。全县各部门要……。\n"
    meta = _meta(text)
    assert (meta["region"], meta["parent_region"]) == ("临泽县", None)


def test_it_finds_nothing_in_a_document_without_metadata_and_says_so() -> None:
    warnings: list[str] = []
    found = metadata.extract(_blocks("一、总体要求\n到2022年，居民健康素养水平不低于22%。\n"), warnings)
    assert warnings == ["文件信息：没有找到方案标题（一行以方案、意见、清单等结尾的标题）"]
    assert found == {
        "title": None,
        "region": None,
        "parent_region": None,
        "doc_number": None,
        "issuer": None,
        "issued_date": None,
    }


@pytest.mark.parametrize(
    "line", ["二〇二一年十十月一日", "二〇二一年二二月一日", "二〇二一年二月三十五日", "二〇二一年二月零日"]
)
def test_it_refuses_chinese_numerals_that_are_not_a_date(line: str) -> None:
    assert parse_date_line(line) is None


def test_it_takes_the_region_from_the_issuer_and_the_parent_from_a_cited_plan() -> None:
    text = """会宁县人民政府
关于加快推进全民健康工作的实施意见
为落实健康白银行动，白银市各县区……，会宁县全县推进。
会宁县人民政府
2021年3月10日
"""
    meta = _meta(text)
    assert (meta["region"], meta["parent_region"], meta["issuer"]) == ("会宁县", "白银市", "会宁县人民政府")


def test_it_takes_the_region_from_the_plan_most_cited_when_nothing_else_names_it() -> None:
    text = (
        "组织实施和考核方案\n为推进健康张掖行动，参照健康甘肃行动，张掖市各部门……。健康张掖行动由甘肃省……。\n"
    )
    meta = _meta(text)
    assert (meta["region"], meta["parent_region"]) == ("张掖市", "甘肃省")
