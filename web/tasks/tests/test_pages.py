"""The pages: progress scoped to the department, the 督导 lists with the core's reasons, 整改, export."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.accounts.services import user_create_or_update
from web.supervision.models import Rectification
from web.tasks.models import Measure, ProgressReport, SubTarget, Task
from web.tasks.tests.conftest import XIXIA, Xixia

Url = Callable[[Xixia], str]


def _toilets(xixia: Xixia) -> SubTarget:
    return SubTarget.objects.get(measure__task__region=xixia.region, unit="座", value=500)


def _measure_of(xixia: Xixia, department_led: bool) -> Measure:
    """A measure the health bureau reports on, or one it has no part in."""
    mine = Measure.objects.filter(task__department_roles__department=xixia.health)
    if department_led:
        return mine.first()  # type: ignore[return-value]
    return Measure.objects.filter(task__region=xixia.region).exclude(pk__in=mine).first()  # type: ignore[return-value]


VIEWS: list[tuple[str, Url]] = [
    ("list", lambda x: f"/tasks/{XIXIA}/"),
    ("detail", lambda x: f"/tasks/task/{Task.objects.filter(region=x.region).first().pk}/"),  # type: ignore[union-attr]
    ("create", lambda x: f"/tasks/{XIXIA}/new/"),
    ("edit", lambda x: f"/tasks/{XIXIA}/{Task.objects.filter(region=x.region).first().pk}/edit/"),  # type: ignore[union-attr]
    ("progress", lambda x: f"/tasks/{XIXIA}/progress/2021H1/"),
    ("supervision", lambda x: f"/tasks/{XIXIA}/supervision/"),
    ("export-xlsx", lambda x: f"/tasks/{XIXIA}/export.xlsx"),
    ("export-docx", lambda x: f"/tasks/{XIXIA}/export.docx"),
]
POSTS: list[tuple[str, Url]] = [
    ("interviews", lambda x: f"/tasks/{XIXIA}/supervision/interviews/"),
    ("rectifications", lambda x: f"/tasks/{XIXIA}/supervision/rectifications/"),
    ("close", lambda x: f"/tasks/rectifications/{_rectification(x).pk}/close/"),
]


def _rectification(xixia: Xixia) -> Rectification:
    item, _ = Rectification.objects.get_or_create(
        region=xixia.region, department=xixia.health, round="2021H1", issue="测试", due_on="2021-08-31"
    )
    return item


@pytest.mark.parametrize(("name", "url"), VIEWS, ids=[n for n, _ in VIEWS])
@pytest.mark.parametrize(
    "outsider", ["huining_admin", "huining_clerk", "pingchuan_clerk", "office", "nobody"]
)
def test_it_hides_xixia_from_outsiders(
    client: Client, xixia: Xixia, name: str, url: Url, outsider: str
) -> None:
    user: User = getattr(xixia.world, outsider)  # 白银市's office is another city's
    client.force_login(user)
    assert client.get(url(xixia)).status_code in (403, 404)


@pytest.mark.parametrize(("name", "url"), POSTS, ids=[n for n, _ in POSTS])
@pytest.mark.parametrize("outsider", ["huining_admin", "office", "nobody"])
def test_it_refuses_outsiders_every_change(
    client: Client, xixia: Xixia, name: str, url: Url, outsider: str
) -> None:
    client.force_login(getattr(xixia.world, outsider))
    assert client.post(url(xixia), {"round": "2021H1", "raise": "1", "note": "x"}).status_code in (403, 404)
    assert not Rectification.objects.filter(closed_at__isnull=False).exists()


@pytest.mark.parametrize(("name", "url"), VIEWS[:2] + VIEWS[5:], ids=[n for n, _ in VIEWS[:2] + VIEWS[5:]])
def test_it_shows_xixia_to_its_office(client: Client, xixia: Xixia, name: str, url: Url) -> None:
    client.force_login(xixia.office)
    assert client.get(url(xixia)).status_code == 200


def test_a_clerk_sees_and_reports_only_the_measures_of_their_department(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.clerk)
    mine, other = _measure_of(xixia, True), _measure_of(xixia, False)
    page = client.get(f"/tasks/{XIXIA}/progress/2021H1/").content.decode()
    assert f'name="status-{mine.pk}"' in page
    assert f'name="status-{other.pk}"' not in page
    response = client.post(f"/tasks/{XIXIA}/progress/2021H1/", {f"status-{other.pk}": "done"})
    assert response.status_code == 403
    assert not ProgressReport.objects.exists()


def test_a_lagging_measure_is_on_the_supervision_list_with_its_reason(client: Client, xixia: Xixia) -> None:
    toilets = _toilets(xixia)
    measure = toilets.measure
    lead = measure.task.department_roles.filter(role="lead").exclude(department=None).first()
    assert lead is not None
    assert lead.department is not None
    clerk = user_create_or_update(
        username="lead_clerk",
        password="x-password",
        full_name="牵头部门填报员",
        role="clerk",
        region=xixia.region,
        department=lead.department,
    )
    client.force_login(clerk)
    response = client.post(
        f"/tasks/{XIXIA}/progress/2021H1/",
        {
            f"status-{measure.pk}": "in_progress",
            f"amount-{measure.pk}-{toilets.index}": "180",
            f"text-{measure.pk}": "已改造180座",
        },
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get(measure=measure)
    assert report.amounts == {str(toilets.index): "180"}
    assert report.changes.count() == 1
    client.force_login(xixia.office)
    page = client.get(f"/tasks/{XIXIA}/supervision/?round=2021H1").content.decode()
    assert "截至2021年上半年完成180座" in page
    assert "低于序时进度50%" in page


def test_the_task_list_filters_by_a_status_code_or_its_chinese_word(client: Client, xixia: Xixia) -> None:
    """?status=behind, and ?status=滞后 from links and bookmarks made before the statuses were codes."""
    client.force_login(xixia.office)
    everything = client.get(f"/tasks/{XIXIA}/?round=2021H1").content.decode()
    by_code = client.get(f"/tasks/{XIXIA}/?round=2021H1&status=not_started").content.decode()
    by_word = client.get(f"/tasks/{XIXIA}/?round=2021H1&status=未开始").content.decode()

    def rows(page: str) -> list[str]:
        return [row for row in page.split("<tr")[1:] if "/tasks/task/" in row]

    assert rows(by_code) == rows(by_word)
    assert 0 < len(rows(by_code)) < len(rows(everything))
    assert "未开始" in by_code


def test_a_rectification_is_raised_then_closed(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.office)
    client.post(
        f"/tasks/{XIXIA}/supervision/rectifications/",
        {
            "round": "2021H1",
            "department": xixia.health.pk,
            "issue": "健康讲座场次不足",
            "due_on": "2021-08-31",
        },
    )
    item = Rectification.objects.get(issue="健康讲座场次不足")
    assert item.state(datetime.date(2021, 8, 1)) == "open"
    client.post(f"/tasks/rectifications/{item.pk}/close/", {"note": ""})
    item.refresh_from_db()
    assert item.closed_at is None  # a closing note is required
    client.post(f"/tasks/rectifications/{item.pk}/close/", {"note": "已补开讲座20场"})
    item.refresh_from_db()
    assert (item.state(datetime.date(2021, 9, 1)), item.closing_note) == (
        "closed",
        "已补开讲座20场",
    )


def test_the_office_adds_a_task_in_the_web(client: Client, xixia: Xixia) -> None:
    client.force_login(xixia.world.office)  # not 西夏区's: refused
    assert client.get(f"/tasks/{XIXIA}/new/").status_code == 403
    admin = user_create_or_update(
        username="yinchuan_office",
        password="x-password",
        full_name="银川市健康办",
        role="office_admin",
        region=xixia.region.parent,
        department=None,
    )
    client.force_login(admin)
    response = client.post(
        f"/tasks/{XIXIA}/new/",
        {
            "name": "开展健康讲座",
            "measures": "每年开展健康讲座不少于60场次",
            "lead_departments": "卫生健康局",
            "deadline": "每年",
        },
    )
    assert response.status_code == 302
    task = Task.objects.get(name="开展健康讲座")
    assert task.deadline_kind == "yearly"
    sub = SubTarget.objects.get(measure__task=task)
    assert (sub.value, sub.kind) == (60, "recurring")
    assert task.department_roles.get().department == xixia.health


def test_the_xlsx_export_writes_a_task_name_like_a_formula_as_text(client: Client, xixia: Xixia) -> None:
    """Issue 11: a task named "=…" went into /tasks/<code>/export.xlsx as a live formula."""
    import io

    from openpyxl import load_workbook

    Task.objects.filter(pk=Task.objects.filter(region=xixia.region).first().pk).update(name="=1+1")  # type: ignore[union-attr]
    client.force_login(xixia.office)
    response = client.get(f"/tasks/{XIXIA}/export.xlsx")
    content = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    book = load_workbook(io.BytesIO(content))
    cells = [c for row in book.active.iter_rows() for c in row if c.value == "=1+1"]  # type: ignore[union-attr]
    assert [(c.data_type, c.quotePrefix) for c in cells] == [("s", True)]
