"""Title, issuer, region and date as other offices' documents give them (notices, reposts, wikis)."""

from __future__ import annotations

from healthaction.ingest.tests._text_documents import parse_text


def test_the_issuer_comes_from_a_heading_that_names_it() -> None:
    plan = parse_text("甘肃省人民政府关于 推进健康甘肃行动的实施意见\n甘政发〔2020〕3号\n各市人民政府:\n")
    assert (plan.title, plan.issuer, plan.region) == (
        "甘肃省人民政府关于推进健康甘肃行动的实施意见",
        "甘肃省人民政府",
        "甘肃省",
    )


def test_an_issuer_on_its_own_line_above_the_heading_belongs_to_the_title() -> None:
    plan = parse_text("榆林市榆阳区人民政府\n关于推进健康榆阳行动的实施意见\n图解 | 榆林市榆阳区人民政府\n")
    assert (plan.title, plan.issuer, plan.region, plan.parent_region) == (
        "榆林市榆阳区人民政府关于推进健康榆阳行动的实施意见",
        "榆林市榆阳区人民政府",
        "榆阳区",
        "榆林市",
    )


def test_a_notice_without_a_signature_name_takes_its_issuer_from_the_notice_heading() -> None:
    plan = parse_text(
        "关于印发健康河南行动2023年工作要点的通知\n【信息时间:2023-05-15 】\n豫健委〔2023〕2号\n"
        "健康中原行动推进委员会关于印发健康河南行动2023年工作要点的通知\n现印发给你们。\n"
        "2023年5月8日\n健康河南行动2023年工作要点\n河南省人民政府。\n"
    )
    assert (plan.title, plan.issuer, plan.issued_date, plan.region) == (
        "健康河南行动2023年工作要点",
        "健康中原行动推进委员会",
        "2023-05-08",
        "河南省",
    )


def test_national_documents_are_for_china_and_joint_signatures_are_joined() -> None:
    plan = parse_text("健康中国行动2021年工作要点\n一、研究制订的文件\n")
    assert plan.region == "中国"
    joint = parse_text("某某工作要点\n现印发。\n自治区甲领导小组\n自治区乙领导小组\n2022年7月29日\n")
    assert (joint.issuer, joint.issued_date) == ("自治区甲领导小组、自治区乙领导小组", "2022-07-29")


def test_a_web_posting_date_is_never_the_issued_date_but_a_wiki_promulgation_date_is() -> None:
    posted = parse_text("某某市爱卫会组成人员名单\n发布时间:2022-11-08 09:12\n")
    assert posted.issued_date is None
    wiki = parse_text("長春市人民政府關於印發健康長春行動實施方案的通知\n  • 頒布時間:2021年4月6日\n")
    assert (wiki.title, wiki.issued_date, wiki.issuer) == (
        "健康長春行動實施方案",
        "2021-04-06",
        "長春市人民政府",
    )


def test_a_drafts_own_heading_is_its_title_and_a_damaged_number_is_kept() -> None:
    plan = parse_text(
        "网站首页 > 某某网 > 文件通知\n宣爱卫办〔202210\n"
        "关于征求《调整宣城市爱国卫生运动委员会组成人员(征求意见稿)》意见的通知\n现征求意见。\n"
        "宣城市爱国卫生运动委员会组成人员(征求意见稿)\n"
    )
    assert (plan.title, plan.doc_number, plan.region) == (
        "宣城市爱国卫生运动委员会组成人员",
        "宣爱卫办〔202210",
        "宣城市",
    )


def test_a_place_name_ending_like_a_suffix_takes_the_suffix_the_text_writes() -> None:
    plan = parse_text(
        "云府办发〔2021〕6号 云岩区人民政府办公室关于印发健康云岩行动实施方案的通知\n"
        "云岩区人民政府办公室\n2021年2月22日\n健康云岩行动实施方案\n"
        "为贯彻落实《贵州省人民政府办公厅关于印发健康贵州行动实施方案的通知》和"
        "《贵阳市人民政府办公厅关于印发健康贵阳行动实施方案的通知》精神,制定本方案。\n"
    )
    assert (plan.title, plan.region, plan.parent_region, plan.doc_number) == (
        "健康云岩行动实施方案",
        "云岩区",
        "贵阳市",
        "云府办发〔2021〕6号",
    )
