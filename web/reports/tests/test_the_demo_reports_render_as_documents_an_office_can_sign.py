"""The demo's reports, rendered as an office would download them (LibreOffice → PDF) and read back:
the 白银市 overall report fits in 20 pages, no table row breaks across pages, the 标题, 正文 and
headings are set in distinct faces, the 版记 stands at the foot of the last page, each indicator
appears once, and the .docx carries its 主送机关, 附件说明 and file properties.

The demo is built once, in a process of its own on a private SQLite file (the real ``healthaction demo``
and ``healthaction report`` commands, from the 平川区 seed: the city 白银市 without a plan of its own,
its five counties and the published 2022 考核), and each report is rendered once for the module.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import docx
import pdfplumber
import pytest

from healthaction.catalog import match_indicator
from healthaction.reports.pdf import libreoffice

pytestmark = pytest.mark.skipif(libreoffice() is None, reason="LibreOffice is not installed here")

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
DATE = "2023-03-15"
# (name, kind, region, extra arguments): one of each kind and form (an area report of a city without
# a plan, a region's own report, the 通报), each as .docx and .pdf.
REPORTS = (
    ("baiyin-overall", "overall", "白银市", ()),
    ("baiyin-action", "action", "白银市", ("--action", "1")),
    ("baiyin-assessment", "assessment", "白银市", ()),
    ("pingchuan-overall", "overall", "平川区", ()),
)
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Rendered:
    folder: Path

    def pdf(self, name: str) -> Path:
        return self.folder / f"{name}.pdf"

    def docx(self, name: str) -> docx.document.Document:
        return docx.Document(str(self.folder / f"{name}.docx"))


def _run(args: list[str], environment: dict[str, str]) -> None:
    command = [sys.executable, "-c", "import sys; from healthaction.cli import main; sys.exit(main())", *args]
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    seed = sorted(SEEDS.glob("000_*.txt"))
    if not seed:
        pytest.skip("种子文件不全")
    root = tmp_path_factory.mktemp("demo-reports")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(seed[0], seeds / seed[0].name)
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    environment["HEALTHACTION_VAR"] = str(root / "var")
    _run(["demo", "--seeds", str(seeds)], environment)
    out = root / "out"
    for name, kind, region, extra in REPORTS:
        for suffix in (".docx", ".pdf"):
            target = out / f"{name}{suffix}"
            _run(
                [
                    "report",
                    kind,
                    "--region",
                    region,
                    "--year",
                    "2022",
                    "--date",
                    DATE,
                    *extra,
                    "-o",
                    str(target),
                ],
                environment,
            )
    return Rendered(out)


def _fonts(pdf: pdfplumber.PDF) -> set[str]:
    """The faces that set Chinese characters, subset prefixes (ABCDEF+) left off."""
    return {
        char["fontname"].split("+", 1)[-1]
        for page in pdf.pages
        for char in page.chars
        if CJK.match(char["text"])
    }


def test_the_city_overall_report_fits_in_twenty_pages(rendered: Rendered) -> None:
    with pdfplumber.open(rendered.pdf("baiyin-overall")) as pdf:
        assert len(pdf.pages) <= 20


def _free_faces_installed() -> bool:
    """fonts-arphic-ukai/uming and fonts-noto-cjk (``make fonts``): without them no mapping can differ."""
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(
        ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False
    ).stdout
    return all(face in listed for face in ("AR PL UKai", "AR PL UMing", "Noto Sans CJK"))


@pytest.mark.skipif(
    not _free_faces_installed(), reason="make fonts 未安装 fonts-arphic-ukai/uming、fonts-noto-cjk"
)
def test_title_body_and_headings_are_set_in_at_least_three_distinct_faces(rendered: Rendered) -> None:
    with pdfplumber.open(rendered.pdf("pingchuan-overall")) as pdf:
        fonts = _fonts(pdf)
    assert len(fonts) >= 3, fonts


@pytest.mark.parametrize("name", [r[0] for r in REPORTS])
def test_no_table_row_is_split_across_pages(rendered: Rendered, name: str) -> None:
    """A row broken by a page shows as a row without its 序号 on the next page; only a 合计 row has none."""
    with pdfplumber.open(rendered.pdf(name)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for table in page.extract_tables():
                for row in table[1:]:
                    first = (row[0] or "").strip()
                    if first or any("合计" in (cell or "") for cell in row):
                        continue
                    pytest.fail(f"{name} 第{number}页：表格行被分页拆开：{row}")


@pytest.mark.parametrize("name", [r[0] for r in REPORTS])
def test_the_record_stands_in_the_lower_third_of_the_last_page(rendered: Rendered, name: str) -> None:
    with pdfplumber.open(rendered.pdf(name)) as pdf:
        last = pdf.pages[-1]
        words = [w for w in last.extract_words() if "印发" in w["text"]]
        assert words, f"{name}：最后一页没有版记"
        assert min(w["top"] for w in words) > last.height * 2 / 3
        assert len(pdf.pages) % 2 == 0  # the 版记 on an even page, the back of the sheet


@pytest.mark.parametrize("name", [r[0] for r in REPORTS])
def test_the_docx_names_its_addressee_annexes_and_properties(rendered: Rendered, name: str) -> None:
    document = rendered.docx(name)
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    addressee = [text for style, text in styles if style == "公文主送机关"]
    assert len(addressee) == 1
    assert addressee[0].endswith("：")
    notes = [text for _, text in styles if text.startswith("附件：")]
    labels = [text for style, text in styles if style == "公文附件标识"]
    if "overall" in name or "assessment" in name:
        assert labels  # their long tables (every indicator, every county's scores) are set as 附件
    if labels:
        assert len(notes) == 1
        titles = [text for style, text in styles if style == "公文附件标题"]
        assert titles[0] in notes[0]
    properties = document.core_properties
    assert properties.title == styles[0][1].replace("\n", "")
    assert properties.author.endswith("推进委员会办公室")
    assert properties.created is not None
    assert properties.created.date() == dt.date.fromisoformat(DATE)
    header = document.sections[0].header.paragraphs[0].text
    assert "演示数据" in header


@pytest.mark.parametrize("name", ["pingchuan-overall", "baiyin-overall", "baiyin-action"])
def test_each_indicator_appears_once(rendered: Rendered, name: str) -> None:
    """The 平川区 overall report once listed 「城乡居民达到《国民体质测定标准》合格以上人数比例」 twice
    (the framework's row and an action's target) with two answers: now one series per national entry."""
    document = rendered.docx(name)
    table = document.tables[-1]  # the 附件: one row per indicator
    header = [c.text for c in table.rows[0].cells]
    column = header.index("指标")
    names = [row.cells[column].text for row in table.rows[1:]]
    assert names
    assert [n for n, k in Counter(names).items() if k > 1] == []
    entries = Counter(e.name for n in names if (e := match_indicator(n).entry) is not None)
    assert [e for e, k in entries.items() if k > 1] == []


@pytest.mark.parametrize("name", [r[0] for r in REPORTS])
def test_no_page_holds_the_signature_alone(rendered: Rendered, name: str) -> None:
    """The 署名 and 成文日期 share their page with the body's last lines (此页无正文 is never needed)."""
    day = dt.date.fromisoformat(DATE)
    date = f"{day.year}年{day.month}月{day.day}日"
    with pdfplumber.open(rendered.pdf(name)) as pdf:
        for page in pdf.pages:
            lines = [line for line in (page.extract_text() or "").splitlines() if line.strip()]
            if any(date in line.replace(" ", "") and "印发" not in line for line in lines):
                body = [line for line in lines if "演示数据" not in line and not line.strip().startswith("—")]
                assert len(body) >= 4, f"{name}：署名所在页只有{body}"
                return
    pytest.fail(f"{name}：找不到成文日期")
