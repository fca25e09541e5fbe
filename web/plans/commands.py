"""`healthaction import FILE --region CODE`: parse, preview, import (used by the CLI)."""

from __future__ import annotations

import sys
from pathlib import Path

from healthaction.ingest import IngestError, parse_file
from web.plans.preview import ImportPreview, plan_preview
from web.plans.services import plan_import
from web.regions.selectors import region_by_code
from web.regions.services import regions_load_codes


def preview_lines(preview: ImportPreview) -> list[str]:
    """The preview as the CLI prints it: counts, unsure department names, warnings."""
    lines = [f"《{preview.title}》→ {preview.region.name}（{preview.region.code}）"]
    if preview.coverage:
        lines.append(f"  {preview.coverage}")
    if not preview.changes:
        lines.append("与已导入的内容相同，没有变化")
    for label, count in preview.counts().items():
        lines.append(f"  {label}：{count}")
    for change in preview.changes:
        if change.kind != "新增":
            lines.append(f"  {change.kind}{change.entity} {change.label}：{change.old} → {change.new}")
    if preview.new_departments:
        names = "、".join(e.written for e in preview.new_departments)
        lines.append(f"  新建部门（{len(preview.new_departments)}）：{names}")
    for entry in preview.unsure:
        lines.append(f"  不确定：「{entry.written}」按「{entry.suggestion}」处理")
    lines += [f"  警告：{w}" for w in preview.warnings]
    return lines


def import_file(path: Path, region_code: str, *, dry_run: bool = False) -> int:
    region = region_by_code(region_code)
    if region is None:
        regions_load_codes(only={region_code})
        region = region_by_code(region_code)
    if region is None:
        raise ValueError(f"{region_code}：不是已知的行政区划代码")
    try:
        plan = parse_file(path)
        content = path.read_bytes()
    except IngestError as exc:
        raise ValueError(str(exc)) from exc
    except OSError as exc:
        raise ValueError(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    if dry_run:
        preview = plan_preview(plan=plan, region=region, content=content, file_name=path.name)
    else:
        preview = plan_import(plan=plan, region=region, content=content, file_name=path.name)
    sys.stdout.write("\n".join(preview_lines(preview)) + "\n")
    if not dry_run and preview.changes:
        sys.stdout.write("已导入\n")
    return 0
