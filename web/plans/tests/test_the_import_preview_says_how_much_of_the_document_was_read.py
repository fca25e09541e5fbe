"""An office importing a plan sees, before it imports, how much of the document came through."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from healthaction.ingest.tests._text_documents import parse_text
from web.conftest import World
from web.plans.commands import preview_lines
from web.plans.preview import plan_preview

TASK_LIST = """健康平川行动2021年工作要点
一、加强组织领导
（一）召开推进委员会全体会议。（区卫生健康局负责）
（二）开展年度监测评估。（区卫生健康局牵头，区教体局、区民政局按职责分工负责）
二、其他
本年度另有安排。
（一）印发年度考核方案。
三、保障措施
各成员单位要加强领导。
"""


def test_the_preview_shows_the_coverage_line_with_the_unread_items(client: Client, world: World) -> None:
    client.force_login(world.office)
    upload = SimpleUploadedFile("要点.txt", TASK_LIST.encode("utf-8"), content_type="text/plain")
    response = client.post("/plans/upload/", {"region": world.pingchuan.code, "file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    line = "读出 3 项任务；1 个编号条目未能识别：第8行"
    assert response.context["preview"].coverage == line
    assert line in page
    assert any(w.startswith("第8行：编号条目“三、保障措施”") for w in response.context["preview"].warnings)


def test_the_command_line_preview_prints_the_same_line(world: World) -> None:
    preview = plan_preview(
        plan=parse_text(TASK_LIST), region=world.pingchuan, content=TASK_LIST.encode(), file_name="要点.txt"
    )
    assert "  读出 3 项任务；1 个编号条目未能识别：第8行" in preview_lines(preview)
