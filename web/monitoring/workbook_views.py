"""The Excel round-trip: download the department's pre-filled template, upload it back all-or-nothing.

The pure core (``healthaction.workbook``) builds and reads the file; here the rows come from the
same selector as the entry form, and every value goes through the same service, inside one
transaction: one error anywhere and nothing is saved.

Each template row carries the version of the value it was filled from. On upload a row whose
value changed since the download (edited, submitted, reviewed, or entered by someone else) is
an error, never a silent overwrite — unless the file already says exactly what is stored now
(the same file uploaded twice, as a draft and then for submission), which loses nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from openpyxl.utils import get_column_letter

from healthaction.workbook import EnteredValue, EntryRow, build_template, read_workbook, template_file_name
from healthaction.workbook.layout import ENTRY_SHEET, VALUE
from web.accounts.scope import Need, RegionScope, region_for_user, region_scope_for
from web.monitoring.models import Observation, ReportingRound
from web.monitoring.selectors import EntryRow as FormRow
from web.monitoring.selectors import entry_rows, open_round
from web.monitoring.services import ConflictError, ObservationError, observation_save
from web.regions.models import Region

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_LOCKED: tuple[str, ...] = (Observation.State.SUBMITTED, Observation.State.APPROVED)


@dataclass(frozen=True)
class Problem:
    """One line of the error list: 填报!I9 — 应为数字，实际为「约10%」."""

    sheet: str
    cell: str
    message: str


def _round(region: Region, year: int) -> ReportingRound:
    round_ = open_round(region, year, timezone.localdate())
    if round_ is None:
        raise PermissionDenied(f"{year}年的填报未开放或已截止")
    return round_


def _department_label(region: Region, scope: RegionScope) -> str:
    """Whose file it is: the clerk's department, or the region for an office filling in everything."""
    if scope.department is not None:
        return scope.department.name
    return f"{region.name}全部指标"


def _template_rows(rows: list[FormRow], region: Region, year: int) -> list[EntryRow]:
    return [
        EntryRow(
            region_code=region.code,
            region_name=region.name,
            indicator_code=str(row.indicator.pk),
            indicator_name=row.indicator.name,
            unit=row.indicator.unit,
            year=year,
            last_year_value=row.last_value,
            target_text=f"{row.target.year}年 {row.target.text}" if row.target else "",
            current_value=row.observation.value if row.observation else None,
            comment=row.observation.comment if row.observation else "",
            version=row.observation.version if row.observation else None,
        )
        for row in rows
    ]


@login_required
def workbook_download(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = region_for_user(request.user, code, Need.ENTER)
    scope = region_scope_for(request.user)
    round_ = _round(region, year)
    rows = entry_rows(region=region, year=year, scope=scope)
    if not rows:
        raise PermissionDenied("没有需要您填报的指标")
    department, label = _department_label(region, scope), str(round_)
    name = template_file_name(department=department, round_label=label)
    # A department's template is small; it is built on disk (write-only) and sent from memory.
    with tempfile.TemporaryDirectory(prefix="ha-workbook-") as folder:
        path = Path(folder) / "template.xlsx"
        build_template(
            _template_rows(rows, region, year),
            department=department,
            region_name=region.full_name,
            round_label=label,
            path=path,
        )
        content = path.read_bytes()
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name) or ""
    return response


def _save_all(
    request: HttpRequest,
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
                problems.append(Problem(ENTRY_SHEET, cell, _changed_since_download(line, current)))
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
                    user=request.user,  # type: ignore[arg-type]
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
                problems.append(Problem(ENTRY_SHEET, cell, _changed_since_download(line, fresh)))
            except ObservationError as exc:
                problems.append(Problem(ENTRY_SHEET, cell, str(exc)))
        if problems:
            transaction.set_rollback(True)
    return saved, problems


def _changed_since_download(line: EnteredValue, current: Observation | None) -> str:
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


@login_required
def workbook_upload(request: HttpRequest, code: str, year: int) -> HttpResponse:
    region = region_for_user(request.user, code, Need.ENTER)
    scope = region_scope_for(request.user)
    round_ = _round(region, year)
    context: dict[str, object] = {"region": region, "year": year, "round": round_}
    if request.method != "POST":
        return render(request, "monitoring/workbook_upload.html", context)
    uploaded = request.FILES.get("file")
    if uploaded is None:
        context["problems"] = [Problem("", "", "请选择要上传的填报表（.xlsx）")]
        return render(request, "monitoring/workbook_upload.html", context, status=400)
    submit = "submit" in request.POST
    file_name = Path(uploaded.name or "填报表.xlsx").name
    with tempfile.TemporaryDirectory(prefix="ha-upload-") as folder:
        path = Path(folder) / "upload.xlsx"
        with path.open("wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        result = read_workbook(
            path,
            expect_department=_department_label(region, scope),
            expect_round=str(round_),
            file_name=file_name,
        )
    context.update(file_name=file_name, notes=result.notes, error_count=result.error_count)
    if not result.ok:
        context["problems"] = [Problem(e.sheet, e.cell, e.message) for e in result.errors]
        return render(request, "monitoring/workbook_upload.html", context, status=400)
    rows = entry_rows(region=region, year=year, scope=scope)
    entered = [r for r in result.rows if r.value is not None]  # blank: not reported this round
    saved, problems = _save_all(
        request,
        region=region,
        year=year,
        scope=scope,
        rows=rows,
        entered=entered,
        submit=submit,
    )
    if problems:
        context.update(problems=problems, error_count=len(problems))
        return render(request, "monitoring/workbook_upload.html", context, status=400)
    context.update(saved=saved, submitted=submit, read=result.row_count, done=True)
    return render(request, "monitoring/workbook_upload.html", context)
