"""Title, region, parent region, 文号, issuer and date.

- title: the plan's own title, without 《》. A notice "关于印发《X》的通知" gives X; otherwise
  the first heading-like line that ends like a document (方案, 意见, 清单 …).
- issuer and issued_date: the signature, an organisation's name on the line above a date
  line (2021年2月25日, 二〇二一年二月二十五日, 2021-02-25). A date line with no name above it
  gives the date only; a web page's 发文日期 is never a signature.
- doc_number: a line of its own such as "平政发〔2021〕29号" (〔〕, [] or （）), or after 文号：.
- region: leading place names of the title ("银川市西夏区关于…") or the place in 健康X行动,
  completed with the suffix the text uses for it (平川 → 平川区). parent_region: the place
  written before the region ("白银市平川区人民政府"), else the nearest level above among the
  places whose 健康X行动 the text cites (健康洛阳行动 → 洛阳市 for 西工区).

Everything is matched on the simplified text and returned as written.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from healthaction.ingest.blocks import Block, Paragraph
from healthaction.ingest.chinese import simplified
from healthaction.ingest.extract.dates import parse_date_line
from healthaction.ingest.extract.lists import is_numbered_heading, is_page_mark
from healthaction.ingest.extract.people import compact

_TITLE_END = re.compile(
    r"(方案|意见|规划|纲要|清单|计划|办法|框架|行动|措施|细则|要点|通知|决定|名单|规定|指南|标准|指标|指标表|分工)$"
)
_TRAILING_BARS = re.compile(r"(?:\s*\|)+\s*$")
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")
# "关于批转新区卫生局制订的…计划的通知": the plan is what the notice passes on, without who drafted it.
_NOTICE = re.compile(
    r"^(?P<issuer>.*?)(?:关于)?(?:印发|转发|批转|征求)(?:[^《“的]{2,20}(?:制订|制定|拟定|起草|编制)的)?"
    r"(?P<inner>.+?)(?:意见)?的通知$"
)
# A heading that names its issuer: "甘肃省人民政府关于推进健康甘肃行动的实施意见".
_ISSUER_HEADING = re.compile(r"^(?P<issuer>.{2,30}?)关于")
_DRAFT_MARK = re.compile(r"\s*[（(]\s*(?:征求意见稿|送审稿|讨论稿|草案)\s*[）)]")
_NATIONAL_HEADING = re.compile(r"^(?:国务院|全国|中共中央|健康中国)|健康中国行动")
# A date labelled as the document's (a wiki infobox); 发布时间/信息时间 of a web page are not.
# A disclosure catalogue separates label and value by a colon, blanks or a table bar
# ("成文日期 | 2020-11-25 |"); 发文日期 is the catalogue's date of the document, not of the page.
# A catalogue's 成文日期 is the date a signature carries; its 发文日期 comes second.
_DATE_LABELS = (
    re.compile(r"(?:颁布时间|颁布日期|印发日期|成文日期|签发日期)\s*[:：]?\s*(?:\|\s*)?(?P<date>[^\s|]+)"),
    re.compile(r"发文日期\s*[:：]?\s*(?:\|\s*)?(?P<date>[^\s|]+)"),
)
# The document's name in a disclosure catalogue ("名  称: | 关于印发《…》的通知 |").
_NAME_LABEL = re.compile(r"^\|?\s*(?:名\s*称|标\s*题)\s*[:：]?\s*(?:\|\s*)?(?P<name>[^|]+?)\s*(?:\||$)")
_ORG_END = re.compile(r"(人民政府|政府|办公室|办公厅|委员会|领导小组|指挥部|局|厅|委|办)$")
_NOT_HEADING = re.compile(r"[。，,；;：:！？!?]")
_DOC_NUMBER = (
    r"[\u3400-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)[0-9０-９]{2}\s*[〕\]］)）】]"
    r"\s*第?\s*[0-9０-９]{1,5}\s*号"
)
_DOC_NUMBER_LINE = re.compile(rf"^\s*(?P<number>{_DOC_NUMBER})(?:\s|$)")
_DOC_NUMBER_LABEL = re.compile(
    rf"(?:文\s*号|发文字号|文件编号|发文编号|文件字号)\s*[：:]?\s*(?:\|\s*)?(?P<number>{_DOC_NUMBER})"
)

_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "区", "县", "旗", "州", "盟")
_SUFFIX = "|".join(_SUFFIXES)
_LEVEL = {"特别行政区": 1, "自治区": 1, "省": 1, "市": 2, "州": 2, "自治州": 2, "盟": 2}
_PLACE = re.compile(rf"[\u3400-\u9fff]{{2,8}}?(?:{_SUFFIX})")
# What follows the places that open a title or an issuer's name.
_AFTER_PLACES = re.compile(
    r"关于|健康|全民|推进|实施|深入|加快|贯彻|落实|印发|爱国卫生|爱卫会|人民政府|政府|党委|委员会|办公室"
    r"|开展|创建|建设|卫生健康|卫健|[“《\"]"
)
# 健康X行动 names a place, but 健康城市, 健康社区 … name a kind of setting (健康细胞) or a field.
_NOT_A_PLACE = re.compile(
    r"^(?:城市|城区|县城|社区|村|乡镇|家庭|单位|学校|企业|医院|机关|细胞|促进|素养|知识|教育|生活|环境|产业|服务|管理|扶贫)"
)
# An issuer that names only its level ("市人民政府办公室") says which suffix the plan's place takes.
_BARE_LEVEL_ISSUER = re.compile(
    r"^(?P<level>[省市区县州旗])(?:人民政府|政府|委|卫生|卫健|爱卫会|爱国卫生|健康)"
)
_STEM = re.compile(r"健康(?P<stem>[\u3400-\u9fff]{1,7}?)(?:行动|建设|城市|暨|20\d\d)")
_NATIONAL = {"中国", "全国"}


def extract(blocks: list[Block], warnings: list[str]) -> dict[str, Any]:
    # A heading copied out of a web table keeps the bars of its empty cells ("…实施意见 | |").
    paragraphs = [_TRAILING_BARS.sub("", b.text).strip() for b in blocks if isinstance(b, Paragraph)]
    # A web page's disclosure catalogue often arrives as a table ("文 号 | 眉府发〔2020〕23号 |"):
    # its labelled fields are read from the rows as much as from lines.
    labelled = [
        b.text.strip() if isinstance(b, Paragraph) else " | ".join(row)
        for b in blocks[:40]
        for row in ([()] if isinstance(b, Paragraph) else b.rows)
    ]
    title, notice_issuer = _title(paragraphs)
    if title is None:
        title, notice_issuer = _catalogue_name(labelled)
    if title is None:
        title = _first_attachment(paragraphs)
    issuer, issued_date = _signature(paragraphs)
    issued_date = issued_date or _labelled_date(labelled)
    text = _Text("\n".join(paragraphs))
    region, parent_region = _regions(title, issuer or notice_issuer, text)
    if region is None and not (issuer or notice_issuer):
        region = _opening_region([title] if title else paragraphs, text)
    if title is None and any(paragraphs):
        warnings.append("文件信息：没有找到方案标题（一行以方案、意见、清单等结尾的标题）")
    return {
        "title": title,
        "region": region,
        "parent_region": parent_region,
        "doc_number": _doc_number(paragraphs) or _doc_number(labelled) or _damaged_doc_number(paragraphs),
        "issuer": issuer or notice_issuer,
        "issued_date": issued_date,
    }


class _Text:
    """The document text with its simplified twin, for matching and slicing back."""

    def __init__(self, written: str) -> None:
        self.written = written
        self.plain = simplified(written)

    def as_written(self, plain: str) -> str:
        index = self.plain.find(plain)
        return self.written[index : index + len(plain)] if index >= 0 else plain

    def count(self, plain: str) -> int:
        return self.plain.count(plain)


def _heading_like(text: str) -> bool:
    size = len(compact(text))
    return (
        4 <= size <= 80
        and not _NOT_HEADING.search(text)
        and not re.search(r"[|>•]", text)
        and not simplified(text).startswith("附件")
        and parse_date_line(text) is None
        and not _DOC_NUMBER_LINE.match(text)
        and not is_page_mark(text)
    )


def _ends_like_a_document(text: str) -> bool:
    plain = _TRAILING_BRACKET.sub("", simplified(text).rstrip("》”\"' "))
    return bool(_TITLE_END.search(plain))


def _title(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """The plan's title and, when it came from a notice, the notice's issuing body."""
    lines = [p for p in paragraphs if p]
    for i, line in enumerate(lines):
        if not _heading_like(line) or is_numbered_heading(line):
            continue
        candidate = line
        if not _ends_like_a_document(line) and i + 1 < len(lines) and _wraps(line, lines[i + 1]):
            candidate = line + lines[i + 1]
        if not _ends_like_a_document(candidate):
            continue
        written = re.sub(r"\s+", "", candidate) if len(candidate.split()) > 1 else candidate
        notice = _NOTICE.match(simplified(written))
        if notice:
            inner = _DRAFT_MARK.sub(
                "", written[notice.start("inner") : notice.end("inner")].strip().strip("《》")
            )
            issuer = written[: notice.end("issuer")].strip()
            if not _ORG_END.search(simplified(issuer)):
                issuer = _notice_issuer(lines[i + 1 :], inner) or ""
            return _own_heading(lines[i + 1 :], inner), issuer or None
        title = _DRAFT_MARK.sub("", written.strip("《》"))
        named = _ISSUER_HEADING.match(simplified(title))
        named_issuer = title[: named.end("issuer")] if named else ""
        return title, named_issuer if named_issuer and _is_org(named_issuer) else None
    return None, None


def _notice_issuer(lines: list[str], inner: str) -> str | None:
    """The issuer of a notice whose first heading left it out: a later heading of the same
    notice names it ("健康中原行动推进委员会关于印发健康河南行动2023年工作要点的通知")."""
    for line in lines[:30]:
        notice = _NOTICE.match(simplified(re.sub(r"\s+", "", line)))
        if notice and simplified(inner) in notice.group("inner"):
            issuer = re.sub(r"\s+", "", line)[: notice.end("issuer")]
            if _ORG_END.search(simplified(issuer)) and len(issuer) <= 40:
                return issuer
    return None


def _own_heading(lines: list[str], inner: str) -> str:
    """The plan's own heading when the body repeats it in a shorter form than the notice cites
    it ("调整宣城市…职责分工" cited, "宣城市…职责分工（征求意见稿）" as the heading)."""
    plain_inner = simplified(inner)
    for line in lines:
        if len(line) > len(inner) + 12:
            continue
        heading = _DRAFT_MARK.sub("", re.sub(r"\s+", "", line)).strip("《》")
        plain = simplified(heading)
        if (
            _heading_like(line)
            and plain != plain_inner
            and len(plain) * 10 >= len(plain_inner) * 7
            and plain in plain_inner
        ):
            return heading
    return inner


def _wraps(line: str, following: str) -> bool:
    """A title wrapped over two lines: "关于落实健康甘肃行动推进健康武威" + "建设实施方案", or
    the issuer on a line of its own above “关于推进健康榆阳行动的实施意见”。"""
    plain = simplified(line)
    if _is_org(line) and simplified(following).startswith("关于") and _heading_like(following):
        return True
    opens = plain.count("《") > plain.count("》") or plain.count("“") > plain.count("”")
    return (
        (opens or plain.startswith("关于") or "印发" in plain)
        and not _ORG_END.search(plain)
        and _heading_like(following)
        and not is_numbered_heading(following)
    )


def _signature(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """(issuer, date) from "X人民政府" above a date line; the first date line alone otherwise."""
    first_date: str | None = None
    for i, line in enumerate(paragraphs):
        parts = line.rsplit(maxsplit=1)
        same_line = parse_date_line(parts[-1]) if len(parts) == 2 and _is_org(parts[0]) else None
        if same_line:
            return parts[0].strip(), same_line
        found = parse_date_line(line) if line else None
        if found is None:
            continue
        first_date = first_date or found
        above = [p for p in paragraphs[max(0, i - 6) : i] if p]
        if above and _is_org(above[-1]):
            # Joint issuers sign one under the other: every organisation line above the date.
            signers = [above.pop()]
            while above and _is_org(above[-1]) and not _is_org_heading(above[-1]):
                signers.insert(0, above.pop())
            return "、".join(s.strip() for s in signers), found
    return None, first_date


def _is_org_heading(text: str) -> bool:
    return simplified(text).endswith(("通知", "意见", "方案"))


def _labelled_date(paragraphs: list[str]) -> str | None:
    for label in _DATE_LABELS:
        for line in paragraphs[:40]:
            found = label.search(simplified(line))
            if found:
                date = parse_date_line(line[found.start("date") : found.end("date")])
                if date:
                    return date
    return None


_ATTACHMENT_ITEM = re.compile(r"^附件\s*[:：]\s*(?:1\s*[.．、]\s*)?(?P<name>\S.*)$")


def _first_attachment(paragraphs: list[str]) -> str | None:
    """A notice whose heading was lost still lists the plan it sends: "附件:1. 健康许昌行动…方案"."""
    for line in paragraphs[:60]:
        found = _ATTACHMENT_ITEM.match(line.strip())
        if found:
            name = found["name"].strip().strip("《》")
            return name if _heading_like(name) and _ends_like_a_document(name) else None
    return None


def _catalogue_name(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """Title and issuer from a disclosure catalogue's 名称 field when the body gives no heading."""
    for line in paragraphs[:40]:
        found = _NAME_LABEL.search(simplified(line))
        if found:
            name = line[found.start("name") : found.end("name")].strip()
            if name and _ends_like_a_document(name):
                return _title([name])
    return None, None


_DAMAGED_NUMBER = re.compile(r"^\s*[\u3400-\u9fff]{1,12}\s*[〔\[［【]\s*(?:19|20)\d{2}\S{0,6}\s*$")


def _damaged_doc_number(paragraphs: list[str]) -> str | None:
    """A 文号 damaged on the way ("宣爱卫办〔202210": 〕 and 号 lost), kept as written."""
    for line in paragraphs[:40]:
        if _DAMAGED_NUMBER.match(line):
            return compact(line)
    return None


def _is_org(text: str) -> bool:
    return _heading_like(text) and len(text) <= 40 and bool(_ORG_END.search(simplified(text)))


def _doc_number(paragraphs: list[str]) -> str | None:
    for line in paragraphs:
        plain = simplified(line)
        found = _DOC_NUMBER_LINE.match(plain) or _DOC_NUMBER_LABEL.search(plain)
        if found:
            return compact(line[found.start("number") : found.end("number")])
    return None


def _regions(title: str | None, issuer: str | None, text: _Text) -> tuple[str | None, str | None]:
    plain_title = simplified(title or "")
    places = _leading_places(plain_title)
    if places:
        region, parent = _pair(places, title or "", plain_title)
        if parent is None and region is not None:
            parent = _parent(region, text)
        return region, parent
    stems = [m["stem"] for m in _STEM.finditer(plain_title) if _is_place_stem(m["stem"])]
    plain_issuer = simplified(issuer or "")
    bare = _BARE_LEVEL_ISSUER.match(plain_issuer)
    issuer_places = _leading_places(plain_issuer)
    if (
        not stems
        and not issuer_places
        and (_NATIONAL_HEADING.search(plain_title) or _NATIONAL_HEADING.match(plain_issuer))
    ):
        return "中国", None
    if stems:
        stem = next((s for s in stems if s in plain_issuer), stems[-1])
        region = _with_suffix(stem, text, strict=bare is not None) or (stem + bare["level"] if bare else None)
        if region is None:
            return text.as_written(stem), None
    elif issuer_places:
        region = issuer_places[-1]
    else:
        region = _most_cited_place(text)
        if region is None:
            return None, None
    if region in issuer_places and issuer_places.index(region) > 0:
        parent = issuer_places[issuer_places.index(region) - 1]
        return text.as_written(region), text.as_written(parent)
    return text.as_written(region), _parent(region, text)


_NATIONAL_APPROVAL = re.compile(r"经国务院同意|国务院办公厅|^全国")
_OPENING_PLACE = re.compile(rf"^[\u3400-\u9fff]{{2,4}}?(?:{_SUFFIX})(?=\S)")


def _opening_region(paragraphs: list[str], text: _Text) -> str | None:
    """A page with no issuer (a wiki article, a news item) is still about a place: the one its
    heading or opening line starts with ("沂南县爱卫会简介", "昌宁县出台…"), or the
    country when it opens with 全国 or says it acts with the State Council's approval."""
    opening = next((simplified(p) for p in paragraphs if p.strip()), "")
    if len(opening) > 60:
        opening = ""
    if _NATIONAL_APPROVAL.search(opening) or "经国务院同意" in text.plain:
        return "中国"
    found = _OPENING_PLACE.match(opening)
    return text.as_written(found.group()) if found else None


def _is_place_stem(stem: str) -> bool:
    return stem not in _NATIONAL and not _NOT_A_PLACE.match(stem)


def _cited_places(text: _Text) -> Counter[str]:
    """Places whose 健康X行动 the text cites, with the suffix it writes: 健康洛阳行动 → 洛阳市."""
    cited: Counter[str] = Counter()
    stems = Counter(found["stem"] for found in _STEM.finditer(text.plain))
    for stem, times in stems.items():
        name = _with_suffix(stem, text, strict=True) if _is_place_stem(stem) else None
        if name:
            cited[name] += times
    return cited


def _most_cited_place(text: _Text) -> str | None:
    cited = _cited_places(text).most_common(1)
    return cited[0][0] if cited else None


def _leading_places(plain: str) -> list[str]:
    """Places that open a title: 银川市西夏区关于… → [银川市, 西夏区]; [] when none do."""
    places: list[str] = []
    position = 0
    while found := _PLACE.match(plain, position):
        places.append(found.group())
        position = found.end()
        if _AFTER_PLACES.match(plain, position):
            return places
    return []


def _pair(places: list[str], written: str, plain: str) -> tuple[str | None, str | None]:
    """The last place is the region, the one before it the parent; both as written."""

    def back(name: str) -> str:
        index = plain.find(name)
        return written[index : index + len(name)]

    region = back(places[-1]) if places else None
    parent = back(places[-2]) if len(places) > 1 else None
    return region, parent


def _suffix_of(name: str) -> str | None:
    return next((suffix for suffix in _SUFFIXES if name.endswith(suffix)), None)


def _with_suffix(stem: str, text: _Text, *, strict: bool = False) -> str | None:
    """平川 → 平川区: the suffix the text writes most often after the place's name."""
    counts = Counter({stem + suffix: text.count(stem + suffix) for suffix in _SUFFIXES})
    name, count = counts.most_common(1)[0]
    if count:
        return name  # 贵州 → 贵州省: a name that only looks suffixed (州) takes the suffix the text writes
    if _suffix_of(stem) and len(stem) > 1:
        return stem
    if strict:
        return None
    levels = Counter({suffix: text.count("全" + suffix) for suffix in ("省", "市", "区", "县", "旗", "州")})
    suffix, count = levels.most_common(1)[0]
    if suffix == "区" and text.count("自治区") > text.count(stem + "区"):
        return stem  # "自治区" with its full name never written: the short name as the text uses it
    return stem + suffix if count else None


def _parent(region: str, text: _Text) -> str | None:
    """The nearest level above the region among the places whose 健康X行动 the text cites."""
    wanted = _LEVEL.get(_suffix_of(region) or "", 3) - 1
    candidates: Counter[str] = Counter()
    for name in _cited_places(text):
        suffix = _suffix_of(name) or ""
        if not region.startswith(name[: len(name) - len(suffix)]) and _LEVEL.get(suffix, 3) == wanted:
            candidates[name] = text.count(name)
    if not candidates:
        return None
    return text.as_written(candidates.most_common(1)[0][0])
