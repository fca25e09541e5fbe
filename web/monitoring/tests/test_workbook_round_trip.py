"""The Excel round-trip in the web: a pre-filled template out, an all-or-nothing upload back."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from web.conftest import World
from web.monitoring.models import Observation

HEADER_ROW = 8


def _download(client: Client, world: World, year: int = 2022) -> Any:
    return client.get(f"/monitoring/{world.pingchuan.code}/{year}/workbook/")


def _template(client: Client, world: World) -> openpyxl.Workbook:
    response = _download(client, world)
    assert response.status_code == 200, response.content.decode()
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _row_of(book: openpyxl.Workbook, indicator: str) -> int:
    sheet = book["填报"]
    for number in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(number, 4).value == indicator:
            return number
    raise AssertionError(f"{indicator} not in the template")


def _fill(book: openpyxl.Workbook, **values: tuple[object, str]) -> bytes:
    """``_fill(book, 居民健康素养水平=(19.6, "说明"))``: the file as the department sends it back."""
    for indicator, (value, comment) in values.items():
        number = _row_of(book, indicator)
        book["填报"].cell(number, 9).value = value
        book["填报"].cell(number, 10).value = comment or None
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client: Client, world: World, content: bytes, *, submit: bool = False, year: int = 2022) -> Any:
    upload = SimpleUploadedFile("平川填报.xlsx", content)
    button = {"submit": "1"} if submit else {"draft": "1"}
    return client.post(
        f"/monitoring/{world.pingchuan.code}/{year}/workbook/upload/", {"file": upload, **button}
    )


def test_it_prefills_the_template_with_the_departments_indicators(client: Client, world: World) -> None:
    Observation.objects.create(
        region=world.pingchuan, indicator=world.literacy, year=2021, value=Decimal("18.5")
    )
    client.force_login(world.pingchuan_clerk)
    response = _download(client, world)
    assert response["Content-Disposition"].startswith("attachment")
    assert "%E5%8C%BA%E5%8D%AB%E5%81%A5%E5%B1%80" in response["Content-Disposition"]  # 区卫健局
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book["填报"]
    row = _row_of(book, "居民健康素养水平")
    assert [sheet.cell(row, c).value for c in (1, 2, 5, 6)] == [world.pingchuan.code, "平川区", "%", 2022]
    assert float(sheet.cell(row, 7).value) == 18.5
    assert "2022年" in sheet.cell(row, 8).value
    assert sheet.protection.sheet


def test_a_clerk_of_another_department_gets_only_their_indicators(client: Client, world: World) -> None:
    client.force_login(world.education_clerk)
    assert _download(client, world).status_code == 403  # 区教育局 owns no indicator here


def test_a_valid_upload_saves_every_value_through_the_entry_service(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    content = _fill(
        _template(client, world), 居民健康素养水平=(19.6, ""), **{"15岁以上人群吸烟率": ("24.1", "")}
    )
    response = _upload(client, world, content, submit=True)
    assert response.status_code == 200, response.content.decode()
    assert "已提交2项" in response.content.decode()
    saved = {o.indicator.name: (o.value, o.state, o.department) for o in Observation.objects.all()}
    assert saved == {
        "居民健康素养水平": (Decimal("19.6"), "submitted", world.health),
        "15岁以上人群吸烟率": (Decimal("24.1"), "submitted", world.health),
    }
    assert Observation.objects.get(indicator=world.literacy).changes.get().action == "提交"


def test_uploading_the_same_draft_twice_changes_nothing(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    content = _fill(_template(client, world), 居民健康素养水平=(19.6, ""))
    _upload(client, world, content)
    again = _fill(_template(client, world))  # the new template carries the saved draft
    assert "已保存0项" in _upload(client, world, again).content.decode()
    assert Observation.objects.get().version == 1


def test_an_invalid_file_lists_every_error_by_cell_and_saves_nothing(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    book = _template(client, world)
    literacy, smoking = _row_of(book, "居民健康素养水平"), _row_of(book, "15岁以上人群吸烟率")
    book["填报"].cell(smoking, 6).value = 2021  # a locked key cell changed
    content = _fill(book, 居民健康素养水平=("约10%", ""), **{"15岁以上人群吸烟率": (24.1, "")})
    response = _upload(client, world, content)
    page = response.content.decode()
    assert response.status_code == 400
    assert "共2处错误，未保存任何数据" in page
    assert f"<td>填报</td><td>I{literacy}</td><td>应为数字，实际为「约10%」" in page
    assert f"<td>F{smoking}</td>" in page
    assert not Observation.objects.exists()


def test_a_value_the_service_refuses_rolls_back_the_whole_file(client: Client, world: World) -> None:
    Observation.objects.create(region=world.pingchuan, indicator=world.literacy, year=2021, value=10)
    client.force_login(world.pingchuan_clerk)
    book = _template(client, world)
    # 吸烟率 is fine and would be saved first; 素养 jumps without a reason and is refused.
    content = _fill(book, 居民健康素养水平=(19, ""), **{"15岁以上人群吸烟率": (24.1, "")})
    response = _upload(client, world, content)
    assert response.status_code == 400
    assert f"I{_row_of(book, '居民健康素养水平')}" in response.content.decode()
    assert "请说明原因" in response.content.decode()
    assert not Observation.objects.filter(year=2022).exists()


def test_it_refuses_another_departments_file(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    content = _fill(_template(client, world), 居民健康素养水平=(19.6, ""))
    client.force_login(world.pingchuan_admin)  # 平川区全部指标, not 区卫健局
    response = _upload(client, world, content)
    assert response.status_code == 400
    assert "区卫健局" in response.content.decode()
    assert not Observation.objects.exists()


def test_it_refuses_a_file_that_is_not_xlsx(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    response = _upload(client, world, "地区,指标\n平川区,1\n".encode())
    assert response.status_code == 400
    assert "平川填报.xlsx" in response.content.decode()


def test_a_closed_round_has_no_template(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    assert _download(client, world, year=2023).status_code == 403


@pytest.mark.parametrize("outsider", ["huining_admin", "huining_clerk", "nobody", "leader"])
@pytest.mark.parametrize("page", ["workbook/", "workbook/upload/"])
def test_it_hides_the_workbook_from_outsiders(client: Client, world: World, outsider: str, page: str) -> None:
    client.force_login(getattr(world, outsider))
    assert client.get(f"/monitoring/{world.pingchuan.code}/2022/{page}").status_code in (403, 404)


def test_an_outsiders_upload_saves_nothing(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    content = _fill(_template(client, world), 居民健康素养水平=(19.6, ""))
    client.force_login(world.huining_admin)
    assert _upload(client, world, content).status_code == 403
    assert not Observation.objects.exists()


@pytest.mark.parametrize("page", ["workbook/", "workbook/upload/"])
def test_it_sends_anonymous_visitors_to_the_login_page(client: Client, world: World, page: str) -> None:
    assert client.get(f"/monitoring/{world.pingchuan.code}/2022/{page}").status_code == 302
