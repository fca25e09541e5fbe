"""推进委员会 members: the 组成人员 list and the 办公室主任 named in the prose after it.

The list is a run of lines opened by a role label ("主  任：周万成  区政府副区长"); a line with
no label takes the role above it; lines about 若干名 (experts, deputies to be named later)
are not members. A real table with 职务/姓名/单位及职务 columns is read the same way. The
list ends at the next heading or sentence. Roles are kept as written (成员 stays 成员).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.chinese import simplified
from healthaction.ingest.extract.lists import (
    cell,
    find_column,
    is_numbered_heading,
    is_page_mark,
    is_sentence,
    label_pattern,
    match_label,
)
from healthaction.ingest.extract.people import (
    Person,
    compact,
    looks_like_name,
    split_people,
    split_title_and_name,
)
from healthaction.plan import Member

ROLES = (
    "副主任委员", "主任委员", "副主任", "主任", "副秘书长", "秘书长", "委员", "成员", "办公室主任",
    "副组长", "组长",
)  # fmt: skip
_ROLE_LINE = label_pattern(ROLES)
# An infobox or a plain page writes the role and a blank instead of a colon: "主任 孙春兰(国务院副总理)".
# Without the colon only a name with its position in brackets makes the line a member's.
_ROLE_BLANK = re.compile(
    rf"^\s*(?P<label>{'|'.join(sorted(ROLES, key=len, reverse=True))})[ \t\u3000]+"
    r"(?P<rest>[\u3400-\u9fff·]{2,8}\s*[(（][^()（）]+[)）])\s*$"
)
_NAME_AND_POSITION = re.compile(r"^\s*[\u3400-\u9fff·]{2,8}\s*[(（][^()（）]+[)）]\s*$")
_ROLE_CELL = re.compile(rf"^(?:{'|'.join(ROLES)})$")
_OFFICE_DIRECTOR = re.compile(
    r"(?P<label>办公室主任)由(?P<phrase>[^，,。；;、]{3,40}?)(?:同志)?(?:兼任|担任)"
)
# "推进委员会各成员单位：" addresses a notice; it is no list of people.
_LIST_HEADING = re.compile(
    r"(?:委员会|领导小组).*(组成人员|名单|成员(?!单位))|^[一二三四五六七八九十\d]+[、．.]\s*(组成人员|成员名单)"
)
_NOT_A_MEMBER = "若干"
_GROUP_TABLE_WORDS = ("组长", "工作组", "专项行动")


class _Line(NamedTuple):
    text: str
    where: str


def extract(blocks: list[Block], warnings: list[str]) -> list[Member]:
    members: list[Member] = []
    heading_where: str | None = None
    for start, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            plain = simplified(block.text)
            if heading_where is None and _LIST_HEADING.search(plain) and not is_sentence(block.text):
                heading_where = block.where or "文中"
            labelled = match_label(block.text, _ROLE_LINE) or match_label(block.text, _ROLE_BLANK)
            if labelled and _opens_list(blocks, start, simplified(labelled.label)):
                members = _read_list(_lines(blocks[start:]), warnings)
        elif _in_committee_context(blocks, start):
            members = _read_table(block) or _read_list(_lines(blocks[start:]), warnings)
        if members:
            break
    if not members:
        members = _prose_members(blocks)
    members.extend(_office_director(blocks, members))
    if not members and heading_where is not None:
        warnings.append(f"推进委员会：{heading_where}提到组成人员名单，但文中没有读出成员")
    return members


def _opens_list(blocks: list[Block], index: int, role: str) -> bool:
    """A role label opens the committee list when the text before it speaks of a 委员会;
    成员 alone opens it only right under a 组成人员/名单 heading (it also labels working groups)."""
    before = [b.text for b in blocks[max(0, index - 40) : index] if isinstance(b, Paragraph) and b.text]
    if role in ("组长", "副组长"):
        # 组长 also heads a 专项行动工作组: only a 领导小组 named just before makes it the committee's.
        return any("领导小组" in simplified(text) for text in before[-5:])
    if role != "成员":
        return any(_names_a_committee(text) for text in before)
    return bool(before) and bool(_LIST_HEADING.search(simplified(before[-1])) or "组成人员" in before[-1])


def _names_a_committee(text: str) -> bool:
    plain = simplified(text)
    return "委员会" in plain or "领导小组" in plain or "爱卫会" in plain


# A composition told in a sentence: "县委常委副县长刘振邦任主任，刘源法、徐明高任副主任，
# 徐明高兼任办公室主任，张建堂任专职副主任". Each clause names its people, then (兼/担)任 and a role.
_PROSE_ROLE = re.compile(
    rf"^(?P<who>[^，,。；;：:]{{2,40}}?)(?:同志)?(?:兼任|担任|任)(?P<role>(?:专职|常务)?(?:{'|'.join(ROLES)}))$"
)


def _prose_members(blocks: list[Block]) -> list[Member]:
    for block in blocks:
        if not isinstance(block, Paragraph) or not _names_a_committee(block.text):
            continue
        members: list[Member] = []
        for piece in re.split(r"[，,。；;]", block.text):
            found = _PROSE_ROLE.match(simplified(piece.strip()))
            if not found:
                continue
            who = piece.strip()[: found.end("who")]
            role = piece.strip()[found.start("role") : found.end("role")]
            people = _prose_people(who, {m.name for m in members})
            members.extend(Member(role=role, name=p.name, position=p.position) for p in people)
        if members:
            return members
    return []


def _prose_people(who: str, known: set[str]) -> list[Person]:
    names = who.split("、")
    if len(names) > 1:
        return [Person(compact(n), None) for n in names] if all(looks_like_name(n) for n in names) else []
    if looks_like_name(who):
        return [Person(compact(who), None)]
    person = split_title_and_name(who, known)
    return [person] if person else []


def _in_committee_context(blocks: list[Block], index: int) -> bool:
    before = [b.text for b in blocks[max(0, index - 5) : index] if isinstance(b, Paragraph) and b.text]
    return any(_names_a_committee(text) for text in before)


def _lines(blocks: list[Block]) -> Iterator[_Line]:
    """Paragraphs as they are; rows of a table without a 姓名 header as lines of cells."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield _Line(block.text, block.where)
            continue
        for row in block.rows:
            cells = [c.strip() for c in row if c.strip()]
            if cells and _ROLE_CELL.match(simplified(compact(cells[0]))) and len(cells) > 1:
                yield _Line(f"{cells[0]}：{'  '.join(cells[1:])}", block.where)
            else:
                yield _Line("  ".join(cells), block.where)


def _read_list(lines: Iterator[_Line], warnings: list[str]) -> list[Member]:
    members: list[Member] = []
    role = ""
    bracketed_only = False  # a list without colons goes on only while lines read "name(position)"
    for line in lines:
        text = line.text.strip()
        if not text or is_page_mark(text):
            continue
        if _NOT_A_MEMBER in simplified(text):
            continue
        labelled = match_label(text, _ROLE_LINE)
        blank = None if labelled else match_label(text, _ROLE_BLANK)
        if labelled or blank:
            bracketed_only = blank is not None
            labelled = labelled or blank
            assert labelled is not None
            role = labelled.label
            if not labelled.rest.strip():
                continue
            people = split_people(labelled.rest)
            if people is None:
                warnings.append(f"推进委员会：{line.where}的“{text}”未能读出姓名和职务")
                continue
        elif (
            is_numbered_heading(text)
            or is_sentence(text)
            or not role
            or (bracketed_only and not _NAME_AND_POSITION.match(simplified(text)))
        ):
            break
        else:
            found = split_people(text)
            if found is None:
                break
            people = found
        members.extend(Member(role=role, name=p.name, position=p.position) for p in people)
    return members


def _read_table(table: Table) -> list[Member]:
    """A table whose header has 姓名: role (职务) carried down, name, position (单位及职务)."""
    for h, header in enumerate(table.rows[:3]):
        name_col = find_column(header, "姓名")
        if name_col is None:
            continue
        if find_column(header, *_GROUP_TABLE_WORDS) is not None:
            return []
        body = table.rows[h + 1 :]
        role_col = _role_column(header, body, name_col)
        taken = (name_col,) if role_col is None else (name_col, role_col)
        position_col = find_column(header, "单位", "职务", "职位", exclude=taken)
        members: list[Member] = []
        role = "成员"
        for row in body:
            role = compact(cell(row, role_col)) or role
            name = compact(cell(row, name_col))
            if name:
                members.append(Member(role=role, name=name, position=cell(row, position_col) or None))
        return members
    return []


def _role_column(header: tuple[str, ...], body: tuple[tuple[str, ...], ...], name_col: int) -> int | None:
    for index in range(len(header)):
        if index == name_col:
            continue
        values = [simplified(compact(cell(row, index))) for row in body]
        filled = [value for value in values if value]
        if filled and all(_ROLE_CELL.match(value) for value in filled):
            return index
    return None


def _office_director(blocks: list[Block], members: list[Member]) -> list[Member]:
    """ "办公室主任由卫生健康局局长张涛同志兼任" → 办公室主任 张涛 卫生健康局局长."""
    if any(simplified(member.role) == "办公室主任" for member in members):
        return []
    known = {member.name for member in members}
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        plain = simplified(block.text)
        if "委员会" not in plain and not members:
            continue
        for found in _OFFICE_DIRECTOR.finditer(plain):
            person = split_title_and_name(block.text[found.start("phrase") : found.end("phrase")], known)
            if person is not None:
                label = block.text[found.start("label") : found.end("label")]
                return [Member(role=label, name=person.name, position=person.position)]
    return []
