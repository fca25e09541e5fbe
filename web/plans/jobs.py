"""A plan import on the queue: parsing a long plan (a PDF, a .doc through LibreOffice) and writing its
actions, indicators and targets run on a worker, not in the request that confirmed the preview."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.models import User
from django.urls import reverse

from healthaction.ingest import IngestError, parse_file
from web.jobs.registry import JobContext, JobError, Outcome, job
from web.plans.models import PlanDocument
from web.plans.services import plan_import
from web.regions.models import Region


@job("plans.import")
def plan_import_job(context: JobContext) -> Outcome:
    """params: region (code), choices (the preview's department choices); input: the plan file."""
    region = Region.objects.filter(code=context.params["region"]).first()
    if region is None or context.input_file is None:
        raise JobError("导入的地区或文件已不存在，请重新上传")
    name = context.input_name
    context.progress(10, f"解析《{name}》")
    with tempfile.TemporaryDirectory(prefix="healthaction-plan-") as folder:
        path = Path(folder) / f"upload{Path(name).suffix.lower()}"
        path.write_bytes(context.input_file)
        try:
            plan = parse_file(path)
        except IngestError as exc:
            raise JobError(str(exc).replace(path.name, name)) from exc
    context.progress(50, "写入专项行动、指标和目标")
    user = User.objects.filter(pk=context.created_by_id or 0).first()
    choices = {k: (int(v) if v is not None else None) for k, v in context.params.get("choices", {}).items()}
    preview = plan_import(
        plan=plan, region=region, content=context.input_file, file_name=name, user=user, choices=choices
    )
    document = PlanDocument.objects.get(region=region, title=preview.title)
    if preview.changes:
        line = f"已导入《{preview.title}》：{len(preview.changes)}处新增或修改"
    else:
        line = f"《{preview.title}》与已导入的内容相同，没有变化"
    link = {"url": reverse("plan-detail", kwargs={"pk": document.pk}), "text": f"查看《{preview.title}》"}
    return Outcome(summary={"lines": [line], "link": link})
