"""Writes of the entry workbook (填报表.xlsx): an upload read and saved in one transaction, or nothing.

The page (web.monitoring.workbook_views) and the large-file job (web.monitoring.jobs) share
``workbook_apply``; each value goes through ``observation_save`` as if typed on the entry page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl.utils import get_column_letter

from healthaction.workbook import EnteredValue, read_workbook
from healthaction.workbook.layout import ENTRY_SHEET, VALUE
from healthaction.workbook.reader import CellNote
from web.accounts.scope import Need, RegionScope, region_scope_for
from web.monitoring.models import Observation, ReportingRound
from web.monitoring.selectors import EntryRow as FormRow
from web.monitoring.selectors import entry_rows, open_round
from web.monitoring.services import ConflictError, ObservationError, observation_save
from web.regions.models import Region

# A value already 提交 or 审核 is not submitted again when the file repeats it unchanged.
_LOCKED: tuple[str, ...] = (Observation.State.SUBMITTED, Observation.State.APPROVED)


@dataclass(frozen=True)
class Problem:
    """One line of the error list: 填报!I9 — 应为数字，实际为「约10%」."""

    sheet: str
    cell: str
    message: str


def workbook_round(region: Region, year: int) -> ReportingRound:
    round_ = open_round(region, year, timezone.localdate())
    if round_ is None:
        raise PermissionDenied(f"{year}年的填报未开放或已截止")
    return round_


def department_label(region: Region, scope: RegionScope) -> str:
    """Whose file it is: the clerk's department, or 全部 for an office filling in everything (the title
    puts the region before it: 白银市2024年度全部指标填报表, not 白银市白银市…全部指标指标填报表)."""
    if scope.department is not None:
        return scope.department.name
    return "全部"


def round_label(round_: ReportingRound) -> str:
    """2024年度, 2024年上半年: the round without its region (the title names the region once)."""
    if round_.half is None:
        return f"{round_.year}年度"
    return f"{round_.year}年{'上半年' if round_.half == 1 else '全年'}"


def workbook_save(
    user: User,
    *,
    region: Region,
    year: int,
    scope: RegionScope,
    rows: list[FormRow],
    entered: list[EnteredValue],
    submit: bool,
) -> tuple[int, list[Problem]]:
    """Every entered value through ``observation_save`` in one transaction; any problem rolls all back."""
    allowed = {str(row.indicator.pk): row for row in rows}
    problems: list[Problem] = []
    saved = 0
    with transaction.atomic():
        for line in entered:
            row = allowed.get(line.indicator_code)
            # The reader checks the file, not the user: the hidden keys could have been edited.
            if line.region_code != region.code or line.year != year or row is None:
                problems.append(
                    Problem(ENTRY_SHEET, f"A{line.row}", "本行不在您可以填报的地区、年份和指标之内")
                )
                continue
            if not scope.may_enter(region, row.indicator):
                problems.append(Problem(ENTRY_SHEET, f"A{line.row}", "不能填报其他部门的指标"))
                continue
            current, value, comment = row.observation, line.value, line.comment
            assert value is not None
            cell = f"{get_column_letter(VALUE)}{line.row}"
            as_stored = current is not None and current.value == value and current.comment == comment
            if not as_stored and (current.version if current else None) != line.version:
                problems.append(Problem(ENTRY_SHEET, cell, changed_since_download(line, current)))
                continue
            if as_stored and current is not None and (not submit or current.state in _LOCKED):
                continue  # nothing to write
            try:
                observation_save(
                    region=region,
                    indicator=row.indicator,
                    year=year,
                    value=value,
                    comment=comment,
                    user=user,
                    # The version the file was filled from: the service's guarded write refuses
                    # it if the value changes between the check above and the write.
                    version=current.version if as_stored and current else line.version,
                    submit=submit,
                    department=scope.department,
                    reviewer=scope.may(Need.REVIEW),
                )
                saved += 1
            except ConflictError:
                now = Observation.objects.filter(region=region, indicator=row.indicator, year=year)
                fresh = now.select_related("updated_by").first()
                problems.append(Problem(ENTRY_SHEET, cell, changed_since_download(line, fresh)))
            except ObservationError as exc:
                problems.append(Problem(ENTRY_SHEET, cell, str(exc)))
        if problems:
            transaction.set_rollback(True)
    return saved, problems


def changed_since_download(line: EnteredValue, current: Observation | None) -> str:
    """第12行：该值已于 2026-11-23 10:05 被 张三 修改（版本 3，现为 21.3，草稿），请重新下载模板后再填报"""
    if current is None:
        return gettext("第%(row)s行：下载模板后，该值已被删除，请重新下载模板后再填报") % {"row": line.row}
    user = current.updated_by
    facts = {
        "row": line.row,
        "when": timezone.localtime(current.updated_at).strftime("%Y-%m-%d %H:%M"),
        "who": (user.get_full_name() or user.get_username()) if user else gettext("其他用户"),
        "version": current.version,
        "value": gettext("空") if current.value is None else format(current.value.normalize(), "f"),
        "state": current.get_state_display(),
    }
    if line.version is None:
        message = gettext(
            "第%(row)s行：下载模板后，该值已于 %(when)s 由 %(who)s 填报（版本 %(version)s，"
            "现为 %(value)s，%(state)s），请重新下载模板后再填报"
        )
    else:
        message = gettext(
            "第%(row)s行：该值已于 %(when)s 被 %(who)s 修改（版本 %(version)s，"
            "现为 %(value)s，%(state)s），请重新下载模板后再填报"
        )
    return message % facts


@dataclass
class Upload:
    """What an upload did: rows read and values saved, or the problems (then nothing was saved)."""

    read: int = 0
    saved: int = 0
    notes: list[CellNote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    error_count: int = 0


def workbook_apply(
    *, path: Path, file_name: str, region: Region, year: int, user: User, submit: bool
) -> Upload:
    """Read an uploaded workbook and save every value in one transaction, or nothing (the page's and
    the large-file job's one path)."""
    scope = region_scope_for(user)
    round_ = workbook_round(region, year)
    result = read_workbook(
        path,
        expect_department=department_label(region, scope),
        expect_round=round_label(round_),
        file_name=file_name,
    )
    notes = list(result.notes)
    if not result.ok:
        problems = [Problem(e.sheet, e.cell, e.message) for e in result.errors]
        return Upload(notes=notes, problems=problems, error_count=result.error_count)
    rows = entry_rows(region=region, year=year, scope=scope)
    entered = [r for r in result.rows if r.value is not None]  # blank: not reported this round
    saved, problems = workbook_save(
        user, region=region, year=year, scope=scope, rows=rows, entered=entered, submit=submit
    )
    if problems:
        return Upload(notes=notes, problems=problems, error_count=len(problems))
    return Upload(read=result.row_count, saved=saved, notes=notes)
