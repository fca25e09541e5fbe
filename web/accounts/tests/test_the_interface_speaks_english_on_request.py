"""Chinese by default; English when the user chooses it in the header, for every page a user meets.

The catalogue (web/locale/en/LC_MESSAGES/django.po) translates every Chinese msgid, and the committed
django.mo is what a fresh compile gives: a machine without gettext shows the same English.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from web.assessment.models import AssessmentScheme
from web.assessment.services import AssessmentError, review_value_set, scheme_create
from web.conftest import World, small_plan
from web.monitoring.checks import plausibility_warnings
from web.monitoring.models import RegionScore, SeriesStatus
from web.plans.preview import plan_preview
from web.tasks.tests.conftest import Xixia, xixia  # noqa: F401  (the 西夏区 责任清单 fixture)

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _catalogue() -> list[tuple[str, list[str]]]:
    """(msgid, its msgstrs) for every entry of the .po, header left out."""
    entries: list[tuple[str, list[str]]] = []
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        parts: dict[str, list[str]] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            head, _, rest = line.partition(" ")
            if line.startswith('"'):
                parts[key].append(ast.literal_eval(line))
            else:
                key = head
                parts[key] = [ast.literal_eval(rest)]
        if "msgid" in parts and "".join(parts["msgid"]):
            strs = ["".join(v) for k, v in parts.items() if k.startswith("msgstr")]
            entries.append(("".join(parts["msgid"]), strs))
    return entries


def _english(client: Client) -> Client:
    """The user picks English in the header's switcher, as in a browser."""
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def _nav(page: str) -> str:
    """The header's own words: not the user's name, region and department (data), nor the language names."""
    header = page.split("<header>", 1)[1].split("</header>", 1)[0]
    header = re.sub(r'<span class="who">.*?</span>', "", header, flags=re.S)
    return re.sub(r"<select.*?</select>", "", header, flags=re.S)


def test_every_chinese_msgid_has_an_english_translation() -> None:
    entries = _catalogue()
    assert len(entries) > 300
    untranslated = [msgid for msgid, strs in entries if not all(s.strip() for s in strs)]
    assert untranslated == []
    still_chinese = [msgid for msgid, strs in entries if any(HAN.search(s) for s in strs)]
    # Examples of what a user types (a grade name, a region, a deadline) stay in Chinese inside the English.
    typed = ("优秀", "平川区", "填报值", "每年")
    assert all(any(w in m for w in typed) for m in still_chinese), still_chinese


def test_every_placeholder_survives_translation() -> None:
    for msgid, strs in _catalogue():
        wanted = sorted(set(re.findall(r"%\(\w+\)s", msgid)))
        for s in strs:
            assert sorted(set(re.findall(r"%\(\w+\)s", s))) == wanted, msgid


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext (msgfmt) is not installed")
def test_the_committed_mo_is_what_the_po_compiles_to(tmp_path: Path) -> None:
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(PO)], check=True)
    assert PO.with_suffix(".mo").read_bytes() == fresh.read_bytes(), "run `make messages` and commit the .mo"


def test_the_interface_is_chinese_by_default_even_for_an_english_browser(
    client: Client, world: World
) -> None:
    client.force_login(world.office)
    page = client.get(
        f"/regions/{world.baiyin.code}/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    ).content.decode()
    assert '<html lang="zh-hans">' in page
    for word in ("总览", "规划", "填报", "审核", "排名", "责任清单", "考核", "退出", "办公室管理员"):
        assert word in _nav(page) or word in page
    assert "Overview" not in page


def test_the_switcher_remembers_english_and_the_nav_has_no_chinese_left(client: Client, world: World) -> None:
    client.force_login(world.office)
    response = _english(client).get(f"/regions/{world.baiyin.code}/")
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert settings.LANGUAGE_COOKIE_NAME in client.cookies
    nav = _nav(page)
    for word in ("Overview", "Plans", "Data entry", "Review", "Ranking", "Responsibility list", "Assessment"):
        assert f">{word}</a>" in nav
    assert ">Log out</button>" in page
    assert HAN.findall(re.sub(r"<[^>]+>", "", nav)) == []
    assert "Office administrator" in page  # the role, beside the user's name


def test_the_overview_speaks_english_with_statuses_translated(client: Client, world: World) -> None:
    SeriesStatus.objects.create(
        region=world.pingchuan,
        indicator=world.literacy,
        year=2022,
        status="LAGGING",
        ratio=0.5,
        explanation="",
    )
    client.force_login(world.office)
    page = _english(client).get(f"/regions/{world.pingchuan.code}/?year=2022").content.decode()
    for text in (
        "2022 monitoring overview",
        "Lagging indicators (look at these first)",
        "Far behind",
        "On track",
    ):
        assert text in page
    assert "进度滞后" not in page
    assert "滞后指标" not in page
    assert "居民健康素养水平" in page  # the indicator's name is data: it stays as the plan wrote it


def test_the_entry_page_speaks_english_and_so_do_its_messages(client: Client, world: World) -> None:
    client.force_login(world.pingchuan_clerk)
    url = f"/monitoring/{world.pingchuan.code}/2022/"
    page = _english(client).get(url).content.decode()
    for text in ("2022 indicator reporting", "Last year", "Save draft", "Submit for review"):
        assert text in page
    page = client.post(
        url, {f"value-{world.literacy.pk}": "19.6", "draft": "1"}, follow=True
    ).content.decode()
    assert "Saved 1 item(s)" in page
    assert "Draft" in page  # the observation's state
    page = client.post(
        url, {f"value-{world.literacy.pk}": "about 10", "draft": "1"}, follow=True
    ).content.decode()
    assert "Should be a number, got “about 10”" in page


@pytest.mark.django_db
def test_the_login_page_speaks_english_once_chosen() -> None:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/login/").content.decode()
    assert "<h1>Log in</h1>" in page
    assert "Healthy Action Monitoring System" in page
    assert "Username" in page
    assert "Password" in page
    assert "登录" not in page


@pytest.mark.django_db
def test_the_login_page_is_chinese_by_default() -> None:
    page = Client().get("/login/").content.decode()
    assert "<h1>登录</h1>" in page
    assert "健康行动监测系统" in page


@pytest.mark.django_db
def test_wrapping_the_labels_for_translation_needs_no_migration() -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_league_row_without_a_grade_shows_a_dash_not_the_catalogue_header(
    client: Client, world: World, language: str
) -> None:
    RegionScore.objects.create(region=world.pingchuan, year=2022, final=91.5, grade="优秀", rank=1)
    RegionScore.objects.create(region=world.huining, year=2022, final=None, grade="", rank=None)
    client.force_login(world.office)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(f"/regions/{world.baiyin.code}/league/?year=2022").content.decode()
    assert "Project-Id-Version" not in page
    assert "Content-Type" not in page
    row = re.search(rf"<tr>.*?{world.huining.name}.*?</tr>", page)
    assert row is not None
    assert "<td>—</td>" in row.group(0)
    assert ("Excellent" if language == "en" else "优秀") in page


def test_the_tasks_list_speaks_english_with_round_and_statuses_translated(
    client: Client,
    xixia: Xixia,  # noqa: F811
) -> None:
    client.force_login(xixia.office)
    page = _english(client).get(f"/tasks/{xixia.region.code}/?round=2021H2").content.decode()
    assert "Statuses as of 2021 full year" in page
    assert "Report 2021 full year progress" in page
    assert "全年" not in page
    assert "上半年" not in page
    for status in ("未开始", "推进中", "已完成", "滞后", "逾期"):
        assert f">{status}<" not in page  # the filter's options and the rows' statuses are in English
    assert "Not started" in page


def test_the_supervision_page_names_its_rounds_in_english(client: Client, xixia: Xixia) -> None:  # noqa: F811
    client.force_login(xixia.office)
    page = _english(client).get(f"/tasks/{xixia.region.code}/supervision/?round=2021H1").content.decode()
    assert "2021 first half responsibility list supervision" in page
    assert re.search(r">\d{4} (first half|full year)</a>", page)  # the rounds to choose from
    assert not re.search(r">\d{4}年(上半年|全年)</a>", page)  # (the core's reasons, data, stay Chinese)


def test_the_plan_import_preview_counts_speak_the_readers_language(world: World) -> None:
    preview = plan_preview(
        plan=small_plan(literacy_2022=25), region=world.pingchuan, content=b"plan v2", file_name="plan.txt"
    )
    with translation.override("en"):
        assert preview.count_lines() == ["Target, changed: 1"]
    with translation.override("zh-hans"):
        assert preview.count_lines() == ["修改目标：1"]


def _scheme(world: World) -> AssessmentScheme:
    return scheme_create(region=world.pingchuan, year=2022, indicators=[world.literacy])


def test_the_plausibility_warning_and_the_assessment_errors_speak_english(world: World) -> None:
    with translation.override("en"):
        warnings = plausibility_warnings(value=Decimal("30"), last=Decimal("19"), unit="%")
        assert warnings == ["Changed 57.9% from last year (19%), more than 50%; please explain why"]
        with pytest.raises(AssessmentError, match="is not a subregion of"):
            review_value_set(
                scheme=_scheme(world),
                region=world.huining,
                indicator=world.literacy,
                year=2022,
                value=Decimal("20"),
                reason="复核",
                user=None,
            )
