"""The 督导通报: completion per department, lagging and overdue items, 约谈 and 整改, and the
year's annual 督导 findings per department, as a Draft that the reports core lays out in the
official .docx layout and as .xlsx."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.utils import timezone

from healthaction.reports.docx_writer import write_docx
from healthaction.reports.draft import Block, Column, Draft, Heading, Paragraph, Table
from healthaction.reports.xlsx_writer import write_xlsx
from healthaction.responsibility import (
    VERDICTS_AS_COUNTED,
    ProgressRound,
    rectification_label,
    verdict_label,
)
from web.regions.models import Region
from web.supervision.annual import annual_round, findings_of
from web.supervision.models import Interview, Rectification
from web.tasks import selectors

STATUSES = VERDICTS_AS_COUNTED


def department_rows(view: selectors.SupervisionView) -> list[tuple[str, int, int, int, int, int, int, float]]:
    """Per department: measures, then counts by status, then the share done (%)."""
    counts: dict[str, dict[str, int]] = {}
    for verdict in view.supervision.verdicts:
        for name in verdict.measure.departments:
            row = counts.setdefault(name, dict.fromkeys(STATUSES, 0))
            row[verdict.status] += 1
    rows = []
    for name, row in sorted(counts.items()):
        total = sum(row.values())
        done = row["done"]
        rows.append((name, total, *(row[s] for s in STATUSES), round(100 * done / total, 1)))
    return rows  # type: ignore[return-value]


def supervision_draft(region: Region, round_: ProgressRound, today: datetime.date | None = None) -> Draft:
    today = today or timezone.localdate()
    view = selectors.supervision_for(region, round_, today)
    sup = view.supervision
    departments = department_rows(view)
    behind = sup.lagging + sup.overdue
    interviews = list(Interview.objects.filter(region=region).select_related("department"))
    rectifications = list(Rectification.objects.filter(region=region).select_related("department", "measure"))
    total = len(sup.verdicts)
    done = sum(1 for v in sup.verdicts if v.status == "done")
    blocks: list[Block] = [
        Heading(1, "一、总体情况"),
        Paragraph(
            f"{round_.name}，责任清单共{total}项具体措施，已完成{done}项，滞后{len(sup.lagging)}项，"
            f"逾期{len(sup.overdue)}项；{len(sup.late_reports)}个部门逾期未报。"
        ),
        Heading(1, "二、各部门完成情况"),
        Table(
            "表1 各部门措施完成情况",
            "各部门完成情况",
            (
                Column("部门"),
                Column("措施数"),
                *(Column(verdict_label(s)) for s in STATUSES),
                Column("完成率", "%", "0.0"),
            ),
            tuple(departments),
        ),
        Heading(1, "三、滞后和逾期事项"),
        Table(
            "表2 滞后和逾期措施",
            "滞后逾期事项",
            (Column("措施"), Column("状态"), Column("责任部门"), Column("原因")),
            tuple(
                (v.measure.id, verdict_label(v.status), "、".join(v.measure.departments), v.reason)
                for v in sorted(behind, key=lambda v: (v.status != "overdue", v.measure.id))
            ),
        ),
        Heading(1, "四、约谈和整改情况"),
        Table(
            "表3 约谈情况",
            "约谈",
            (Column("部门"), Column("轮次"), Column("状态"), Column("事由")),
            tuple((i.department.name, i.round, i.get_state_display(), i.reason) for i in interviews),
        ),
        Table(
            "表4 整改情况",
            "整改",
            (Column("部门"), Column("整改事项"), Column("整改时限"), Column("状态")),
            tuple(
                (r.department.name, r.issue, r.due_on.isoformat(), rectification_label(r.state(today)))
                for r in rectifications
            ),
        ),
    ]
    blocks += _annual_blocks(region, round_.year, today)
    issuer = f"{region.name}健康行动推进委员会办公室"
    return Draft(
        title=f"关于{region.name}{round_.name}责任清单落实情况的督导通报",
        addressee="各责任部门：",
        blocks=tuple(blocks),
        signature=issuer,
        date=f"{today.year}年{today.month}月{today.day}日",
        issuer=issuer,
    )


def _annual_blocks(region: Region, year: int, today: datetime.date) -> list[Block]:
    """五、年度督导: the year's round and each department's rating, finding and 整改."""
    annual = annual_round(region, year)
    heading = Heading(1, f"五、{year}年度督导发现问题")
    if annual is None:
        return [heading, Paragraph(f"{year}年度督导尚未开展。")]
    findings = findings_of(annual)
    held = f"{annual.held_on.year}年{annual.held_on.month}月{annual.held_on.day}日" if annual.held_on else ""
    summary = f"{year}年度督导{'于' + held + '开展，' if held else ''}共对{len(findings)}个部门形成督导意见"
    poor = [f.department.name for f in findings if f.rating in ("weak", "poor")]
    summary += f"，其中{'、'.join(poor)}评价为一般或差。" if poor else "。"
    if annual.note:
        summary += annual.note
    return [
        heading,
        Paragraph(summary),
        Table(
            "表5 年度督导发现问题",
            "年度督导",
            (
                Column("部门"),
                Column("评价"),
                Column("发现问题"),
                Column("跟进情况"),
                Column("整改时限"),
                Column("整改状态"),
            ),
            tuple(
                (
                    f.department.name,
                    f.get_rating_display(),
                    f.text,
                    f.follow_up,
                    f.rectification.due_on.isoformat() if f.rectification else "",
                    rectification_label(f.rectification.state(today)) if f.rectification else "无需整改",
                )
                for f in findings
            ),
        ),
    ]


def supervision_report_write(draft: Draft, path: Path) -> Path:
    {"docx": write_docx, "xlsx": write_xlsx}[path.suffix[1:]](draft, path)
    return path
