"""``healthaction report`` from files: formats by suffix, exit 2 with one Chinese line for bad input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from healthaction.cli import main
from healthaction.reports.tests.conftest import Built


def _args(built: Built, kind: str, out: Path, *extra: str) -> list[str]:
    return ["report", kind, "--plan", str(built.plan), "--observations", str(built.observations),
            "--year", "2022", "--date", "2023-01-10", "-o", str(out), *extra]  # fmt: skip


def test_it_writes_an_action_report_chosen_by_name(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "控烟.docx"
    assert main(_args(built, "action", out, "--action", "控烟")) == 0
    assert Document(str(out)).paragraphs[0].text == "平川区2022年控烟行动实施进展专题报告"


def test_an_unknown_action_is_bad_input_listing_the_actions(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(built, "action", tmp_path / "x.docx", "--action", "星际旅行")) == 2
    err = capsys.readouterr().err
    assert "星际旅行" in err
    assert "1.健康知识普及行动" in err
    assert "Traceback" not in err


def test_an_unknown_suffix_is_bad_input(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_args(built, "overall", tmp_path / "report.odt")) == 2
    assert "不支持的报告格式" in capsys.readouterr().err


def test_pdf_without_libreoffice_says_how_to_get_it(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice here
    assert main(_args(built, "overall", tmp_path / "report.pdf")) == 2
    err = capsys.readouterr().err
    assert "LibreOffice" in err
    assert "apt-get install libreoffice-writer-nogui" in err
    assert not (tmp_path / "report.pdf").exists()


@pytest.mark.django_db
def test_the_database_form_names_an_unknown_region(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # With the web system installed, --region CODE reads the database; a code it does not hold is bad input.
    out = tmp_path / "r.docx"
    assert main(["report", "overall", "--region", "999999", "--year", "2022", "-o", str(out)]) == 2
    assert "999999" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftoppm"),
    reason="LibreOffice and pdftoppm are not installed",
)
def test_the_pdf_renders_its_first_page(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "assessment.pdf"
    paths = built.assessment
    assert main([
        "report", "assessment", "--plan", str(built.plan), "--observations", str(paths["observations"]),
        "--targets", str(paths["targets"]), "--baselines", str(paths["baselines"]),
        "--regions", str(paths["regions"]), "--adjustments", str(paths["adjustments"]),
        "--region", "白银市", "--year", "2022", "--date", "2023-01-10", "-o", str(out),
    ]) == 0  # fmt: skip
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True
    )
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    assert pages[0].stat().st_size > 1000
