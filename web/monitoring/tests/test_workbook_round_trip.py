"""The Excel round-trip in the web: a pre-filled template out, an all-or-nothing upload back."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from web.accounts.models import Role
from web.accounts.services import user_create_or_update
from web.conftest import World
from web.monitoring.models import Observation
from web.monitoring.services import observation_save

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


# ---- No lost update: a value changed after the download is never overwritten by the file ----


def _zhangsan(world: World) -> Any:
    """A second clerk of 区卫健局, who edits in the web while the first fills the template."""
    return user_create_or_update(
        username="zhangsan",
        password="healthaction",
        full_name="张三",
        role=Role.CLERK,
        region=world.pingchuan,
        department=world.health,
    )


def _save_in_the_web(world: World, value: str, *, version: int | None, user: Any) -> Observation:
    return observation_save(
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        value=Decimal(value),
        comment="",
        user=user,
        version=version,
        submit=False,
        department=world.health,
    )


def test_a_draft_edited_in_the_web_after_the_download_is_not_overwritten(
    client: Client, world: World
) -> None:
    _save_in_the_web(world, "19.6", version=None, user=world.pingchuan_clerk)
    client.force_login(world.pingchuan_clerk)
    book = _template(client, world)  # carries 19.6, version 1
    edited = _save_in_the_web(world, "20.1", version=1, user=_zhangsan(world))  # version 2
    content = _fill(book, 居民健康素养水平=(21.0, ""), **{"15岁以上人群吸烟率": (24.1, "")})
    response = _upload(client, world, content)
    page = response.content.decode()
    assert response.status_code == 400
    row = _row_of(book, "居民健康素养水平")
    when = timezone.localtime(edited.updated_at).strftime("%Y-%m-%d %H:%M")
    assert "共1处错误，未保存任何数据" in page
    assert (
        f"<td>填报</td><td>I{row}</td><td>第{row}行：该值已于 {when} 被 张三 修改"
        "（版本 2，现为 20.1，草稿），请重新下载模板后再填报</td>"
    ) in page
    literacy = Observation.objects.get(indicator=world.literacy)
    assert (literacy.value, literacy.version) == (Decimal("20.1"), 2)
    assert not Observation.objects.filter(indicator=world.smoking).exists()  # all or nothing


def test_a_value_entered_by_someone_else_after_the_download_is_not_overwritten(
    client: Client, world: World
) -> None:
    client.force_login(world.pingchuan_clerk)
    book = _template(client, world)  # no value yet
    _save_in_the_web(world, "20.1", version=None, user=_zhangsan(world))
    response = _upload(client, world, _fill(book, 居民健康素养水平=(21.0, "")))
    assert response.status_code == 400
    row = _row_of(book, "居民健康素养水平")
    assert f"第{row}行：下载模板后，该值已于" in response.content.decode()
    assert "由 张三 填报（版本 1，现为 20.1，草稿），请重新下载模板后再填报" in response.content.decode()
    assert Observation.objects.get().value == Decimal("20.1")


def test_a_value_submitted_after_the_download_is_named_as_changed(client: Client, world: World) -> None:
    _save_in_the_web(world, "19.6", version=None, user=world.pingchuan_clerk)
    client.force_login(world.pingchuan_admin)  # the county office may change a submitted value
    book = _template(client, world)
    observation_save(
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        value=Decimal("19.6"),
        comment="",
        user=world.pingchuan_clerk,
        version=1,
        submit=True,
        department=world.health,
    )
    response = _upload(client, world, _fill(book, 居民健康素养水平=(22.5, "复核后更正")))
    assert response.status_code == 400
    assert "被 pingchuan_clerk 修改（版本 2，现为 19.6，已提交）" in response.content.decode()
    assert Observation.objects.get().state == "submitted"


def test_a_value_deleted_after_the_download_is_a_conflict_too(client: Client, world: World) -> None:
    _save_in_the_web(world, "19.6", version=None, user=world.pingchuan_clerk)
    client.force_login(world.pingchuan_clerk)
    book = _template(client, world)
    Observation.objects.all().delete()
    response = _upload(client, world, _fill(book, 居民健康素养水平=(21.0, "")))
    assert response.status_code == 400
    assert "下载模板后，该值已被删除，请重新下载模板后再填报" in response.content.decode()
    assert not Observation.objects.exists()


def test_an_unchanged_template_uploads_again_and_can_then_be_submitted(client: Client, world: World) -> None:
    _save_in_the_web(world, "19.6", version=None, user=world.pingchuan_clerk)
    client.force_login(world.pingchuan_clerk)
    content = _fill(_template(client, world))  # nothing typed: the file says what is stored
    assert "已保存0项" in _upload(client, world, content).content.decode()
    assert "已提交1项" in _upload(client, world, content, submit=True).content.decode()
    literacy = Observation.objects.get()
    assert (literacy.value, literacy.state, literacy.version) == (Decimal("19.6"), "submitted", 2)


def test_the_same_file_uploaded_as_a_draft_and_then_for_submission_is_no_conflict(
    client: Client, world: World
) -> None:
    client.force_login(world.pingchuan_clerk)
    content = _fill(_template(client, world), 居民健康素养水平=(19.6, ""))
    assert "已保存1项" in _upload(client, world, content).content.decode()
    # The file still carries "no value yet", but it says exactly what is stored now: nothing is lost.
    assert "已提交1项" in _upload(client, world, content, submit=True).content.decode()
    assert Observation.objects.get().state == "submitted"


def test_a_fresh_template_changes_an_existing_draft_and_adds_new_values(client: Client, world: World) -> None:
    _save_in_the_web(world, "19.6", version=None, user=_zhangsan(world))
    client.force_login(world.pingchuan_clerk)
    content = _fill(
        _template(client, world), 居民健康素养水平=(19.9, ""), **{"15岁以上人群吸烟率": (24.1, "")}
    )
    response = _upload(client, world, content)
    assert "已保存2项" in response.content.decode(), response.content.decode()
    saved = {o.indicator.name: (o.value, o.version) for o in Observation.objects.all()}
    assert saved == {"居民健康素养水平": (Decimal("19.9"), 2), "15岁以上人群吸烟率": (Decimal("24.1"), 1)}


def test_a_template_from_before_rows_carried_versions_is_refused(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    book = _template(client, world)
    book["元数据"]["B1"] = "1"  # 格式版本 of the templates handed out before
    response = _upload(client, world, _fill(book, 居民健康素养水平=(19.6, "")))
    assert response.status_code == 400
    assert "这是旧版填报表，不含数据版本" in response.content.decode()
    assert "请重新下载模板" in response.content.decode()
    assert not Observation.objects.exists()


def test_a_huge_cell_is_refused_with_a_short_page(client: Client, world: World, tmp_path: Any) -> None:
    """Issue 11: a 218 KB upload with a 500 MB cell answered with a 209.7 MB page that echoed it."""
    from tests import hostile_files as hostile

    client.force_login(world.pingchuan_clerk)
    template = tmp_path / "模板.xlsx"
    template.write_bytes(_download(client, world).content)
    row = _row_of(openpyxl.load_workbook(template), "居民健康素养水平")
    hostile_file = hostile.with_huge_cell(template, tmp_path / "巨大.xlsx", f"J{row}", 50 * hostile.MB)

    response = _upload(client, world, hostile_file.read_bytes())

    assert response.status_code == 400
    assert len(response.content) < 100_000
    page = response.content.decode()
    assert f"J{row}" in page
    assert "单元格内容超过 32767 字" in page
    assert "x" * 31 not in page
    assert not Observation.objects.exists()


def test_a_comment_like_a_formula_comes_back_as_text(client: Client, world: World) -> None:
    """Issue 11: a comment starting with = went into the template as a live formula, and the row
    could then not be uploaded back."""
    observation_save(  # typed in the entry form, where = is only a character
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        value=Decimal("19.6"),
        comment="=1+1",
        user=world.pingchuan_clerk,
        version=None,
        submit=False,
        department=world.health,
    )
    client.force_login(world.pingchuan_clerk)

    book = _template(client, world)
    row = _row_of(book, "居民健康素养水平")
    cell = book["填报"].cell(row, 10)
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)
    book["填报"].cell(row, 9).value = 19.7  # the clerk changes the value and leaves the comment
    out = io.BytesIO()
    book.save(out)

    response = _upload(client, world, out.getvalue())

    assert response.status_code == 200, response.content.decode()
    saved = Observation.objects.get(indicator=world.literacy)
    assert (saved.value, saved.comment) == (Decimal("19.7"), "=1+1")
