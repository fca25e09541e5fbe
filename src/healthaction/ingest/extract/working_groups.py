"""专项行动工作组: each group's action, leader (组长) and members.

Written as a heading "（一）实施健康知识普及行动组" followed by "组  长：张  涛  区卫健局局长" and
"成  员：韦海荣  区委宣传部副部长" with one member per following line; or all on one line,
"健康知识普及行动组：组长：张涛（区卫健局局长）；成员：韦海荣（区委宣传部副部长）、…"; or as a
table (a row per group with 组长 and 成员 columns, or a row per person with the group carried
down). The action name drops the numbering, a leading 实施 and the trailing (工作)组.
副组长 are listed with the members, ahead of them, since the format has one leader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from healthaction.ingest.blocks import Block, Paragraph, Table
from healthaction.ingest.chinese import simplified
from healthaction.ingest.extract.lists import (
    cell,
    find_column,
    is_numbered_heading,
    is_page_mark,
    is_sentence,
    strip_numbering,
)
from healthaction.ingest.extract.people import Person as Named
from healthaction.ingest.extract.people import compact, split_people
from healthaction.plan import Person, WorkingGroup

_S = r"[ \t\u3000]*"
_LABEL = re.compile(rf"(?P<label>副{_S}组{_S}长|组{_S}长|成{_S}员|组{_S}员){_S}[：:]")
_GROUP_NAME = re.compile(r"^(?:实施)?(?P<name>.*?行动)(?:专项)?(?:工作)?(?:小)?组?$")
_ROLE_CELL = re.compile(r"^(副组长|组长|成员|组员)$")
_BRACKETED_TAIL = re.compile(r"[（(][^（）()]*[）)]$")
_TRAILING = "：:。，,；; \t\u3000"


@dataclass
class _Group:
    action_name: str
    where: str
    leader: Person | None = None
    deputies: list[Person] = field(default_factory=list)
    members: list[Person] = field(default_factory=list)
    label: str = ""

    def add(self, label: str, people: list[Named]) -> None:
        self.label = label
        for named in people:
            person = Person(name=named.name, position=named.position)
            if label == "组长" and self.leader is None:
                self.leader = person
            elif label in ("组长", "副组长"):
                self.deputies.append(person)
            else:
                self.members.append(person)

    def done(self) -> WorkingGroup:
        return WorkingGroup(
            action_name=self.action_name, leader=self.leader, members=self.deputies + self.members
        )


def _under_a_leading_group(blocks: list[Block], index: int) -> bool:
    before = [b.text for b in blocks[max(0, index - 6) : index] if isinstance(b, Paragraph)]
    return any("领导小组" in simplified(text) or "委员会" in simplified(text) for text in before)


def extract(blocks: list[Block], warnings: list[str]) -> list[WorkingGroup]:
    groups: list[_Group] = []
    current: _Group | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            current = None
            groups.extend(_read_table(block))
            continue
        text = block.text.strip()
        if not text or is_page_mark(text):
            continue
        labels = list(_LABEL.finditer(simplified(text)))
        head = text[: labels[0].start()].strip(_TRAILING) if labels else ""
        if labels and not is_sentence(head):
            if head:
                name = action_name(head)
                current = _Group(name, block.where) if name else None
                if current:
                    groups.append(current)
            if current is None:
                if _under_a_leading_group(blocks, index):
                    continue  # a 领导小组's own 组长/成员 list: the committee's, read there
                if any("组长" in simplified(compact(found["label"])) for found in labels):
                    warnings.append(f"专项行动工作组：{block.where}的“{text}”前没有找到工作组名称，未能读出")
                continue
            _add_labelled(current, text, labels, block.where, warnings)
        elif _is_group_heading(blocks, index):
            name = action_name(text)
            current = _Group(name, block.where) if name else None
            if current:
                groups.append(current)
        elif current is not None and current.label and not (is_numbered_heading(text) or is_sentence(text)):
            people = split_people(text)
            if people is None:
                current = None
            else:
                current.add(current.label, people)
        else:
            current = None
    for group in groups:
        if group.leader is None and not group.members and not group.deputies:
            warnings.append(f"专项行动工作组：{group.where}的“{group.action_name}”工作组没有读出组长和成员")
    return [group.done() for group in groups]


def action_name(heading: str) -> str | None:
    """ "（一）实施健康知识普及行动组" → "健康知识普及行动"; None when it names no action."""
    text = _BRACKETED_TAIL.sub("", strip_numbering(heading).strip(_TRAILING)).strip(_TRAILING)
    found = _GROUP_NAME.match(simplified(text))
    if not found:
        return None
    return text[found.start("name") : found.end("name")].strip() or None


def _is_group_heading(blocks: list[Block], index: int) -> bool:
    """A short line naming an action that is followed by a 组长 line."""
    block = blocks[index]
    assert isinstance(block, Paragraph)
    if is_sentence(block.text) or action_name(block.text) is None:
        return False
    plain = simplified(compact(block.text))
    if plain.endswith("组"):
        return True
    for following in blocks[index + 1 : index + 4]:
        if isinstance(following, Paragraph) and following.text.strip():
            found = _LABEL.match(simplified(following.text.strip()))
            return bool(found and "组长" in compact(found["label"]))
    return False


def _add_labelled(
    group: _Group, text: str, labels: list[re.Match[str]], where: str, warnings: list[str]
) -> None:
    for i, found in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        rest = text[found.end() : end].strip(_TRAILING)
        label = simplified(compact(found["label"]))
        label = "成员" if label == "组员" else label
        if not rest:
            group.label = label
            continue
        people = split_people(rest)
        if people is None:
            warnings.append(f"专项行动工作组：{where}的“{rest}”未能读出姓名和职务")
            group.label = label
            continue
        group.add(label, people)


def _read_table(table: Table) -> list[_Group]:
    for h, header in enumerate(table.rows[:3]):
        group_col = find_column(header, "专项行动", "工作组", "行动名称")
        if group_col is None:
            continue
        body = table.rows[h + 1 :]
        leader_col = next(
            (i for i, c in enumerate(header) if "组长" in simplified(c) and "副" not in simplified(c)), None
        )
        if leader_col is not None:
            return _read_wide(header, body, group_col, leader_col, table.where)
        name_col = find_column(header, "姓名")
        if name_col is not None:
            return _read_long(header, body, group_col, name_col, table.where)
    return []


def _people(text: str) -> list[Named]:
    return split_people(text) or []


def _read_wide(
    header: tuple[str, ...], body: tuple[tuple[str, ...], ...], group_col: int, leader_col: int, where: str
) -> list[_Group]:
    """A row per group: 专项行动 | 组长 | 副组长 | 成员."""
    deputy_col = find_column(header, "副组长")
    members_col = find_column(header, "成员", "组员", exclude=(group_col, leader_col))
    groups: list[_Group] = []
    for row in body:
        name = action_name(cell(row, group_col))
        if name:
            groups.append(_Group(name, where))
        elif not groups:
            continue
        group = groups[-1]
        group.add("组长", _people(cell(row, leader_col)))
        group.add("副组长", _people(cell(row, deputy_col)))
        group.add("成员", _people(cell(row, members_col)))
    return groups


def _read_long(
    header: tuple[str, ...], body: tuple[tuple[str, ...], ...], group_col: int, name_col: int, where: str
) -> list[_Group]:
    """A row per person: 工作组 (carried down) | 职务 (组长/成员) | 姓名 | 单位及职务."""
    role_col = next(
        (
            i
            for i in range(len(header))
            if i not in (group_col, name_col)
            and any(cell(row, i) for row in body)
            and all(_ROLE_CELL.match(simplified(compact(cell(row, i)))) for row in body if cell(row, i))
        ),
        None,
    )
    taken = tuple(i for i in (group_col, name_col, role_col) if i is not None)
    position_col = find_column(header, "单位", "职务", "职位", exclude=taken)
    groups: list[_Group] = []
    role = "成员"
    for row in body:
        name = action_name(cell(row, group_col))
        if name:
            groups.append(_Group(name, where))
            role = "成员"
        if not groups or not compact(cell(row, name_col)):
            continue
        role = simplified(compact(cell(row, role_col))) or role
        person = Named(compact(cell(row, name_col)), cell(row, position_col) or None)
        groups[-1].add("成员" if role == "组员" else role, [person])
    return groups
