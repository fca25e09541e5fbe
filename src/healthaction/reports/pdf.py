"""PDF through LibreOffice headless: the .docx is written first, then converted.

The program is ``soffice`` (or ``libreoffice``) on PATH, or the path in ``HEALTHACTION_SOFFICE``
(a path that does not exist means "no LibreOffice here"). Each conversion runs in a temporary
folder with a profile of its own, so concurrent conversions (web downloads) do not collide.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from healthaction.reports.docx_writer import write_docx
from healthaction.reports.draft import Draft
from healthaction.reports.errors import ReportError

logger = logging.getLogger(__name__)

NO_LIBREOFFICE = (
    "生成 PDF 需要 LibreOffice，但未找到 soffice 或 libreoffice 命令。"
    "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），"
    "或改为输出 .docx 后自行转换。"
)
TIMEOUT_SECONDS = 180
PROGRAM_VARIABLE = "HEALTHACTION_SOFFICE"
# Maps the 公文 faces (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体, 宋体) to distinct free ones.
FONTS_CONF = Path(__file__).with_name("fonts.conf")


def conversion_environment() -> dict[str, str]:
    """The environment LibreOffice converts in: the system's, with fontconfig reading ``fonts.conf``
    (which includes the system configuration first), unless the operator has set FONTCONFIG_FILE."""
    environment = dict(os.environ)
    if "FONTCONFIG_FILE" not in environment and FONTS_CONF.is_file():
        environment["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return environment


def libreoffice() -> str | None:
    """The LibreOffice program to convert with, or None when there is none."""
    configured = os.environ.get(PROGRAM_VARIABLE, "").strip()
    if configured:
        return shutil.which(configured)  # a path: itself when executable; a name: looked up on PATH
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing_message() -> str:
    """Why there is no PDF here, in Chinese: no LibreOffice installed, or a configured path that is wrong."""
    configured = os.environ.get(PROGRAM_VARIABLE, "").strip()
    if configured:
        return (
            f"生成 PDF 需要 LibreOffice，但环境变量 {PROGRAM_VARIABLE} "
            f"指定的「{configured}」不存在或不可执行。"
            "请改正该路径，或删除该变量以使用系统安装的 soffice；也可改为下载 .docx 后自行转换。"
        )
    return NO_LIBREOFFICE


def write_pdf(draft: Draft, path: Path) -> None:
    program = libreoffice()
    if program is None:
        raise ReportError(missing_message())
    with tempfile.TemporaryDirectory(prefix="healthaction-pdf-") as folder:
        work = Path(folder)
        produced = _convert(program, draft, work, record_on_next_page=False)
        if _page_count(produced) % 2 == 1:
            # The 版记 belongs on an even page (the back of the sheet, GB/T 9704 §7.5): the document
            # ended on an odd one, so it is set again with the 版记 on the page after.
            produced = _convert(program, draft, work, record_on_next_page=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        shutil.copyfile(produced, tmp)
        tmp.replace(path)


def _page_count(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def _convert(program: str, draft: Draft, work: Path, *, record_on_next_page: bool) -> Path:
    source = work / "report.docx"
    write_docx(draft, source, record_on_next_page=record_on_next_page)
    # A profile of its own: a LibreOffice already open for the user does not take the job.
    profile = (work / "profile").as_uri()
    command = [
        program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", str(work), str(source),
    ]  # fmt: skip
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            env=conversion_environment(),
        )
    except subprocess.TimeoutExpired:
        raise ReportError(f"LibreOffice 转换 PDF 超过 {TIMEOUT_SECONDS} 秒未完成，请稍后重试") from None
    produced = work / "report.pdf"
    if done.returncode != 0 or not produced.is_file():
        logger.debug("soffice: %s %s", done.stdout, done.stderr)
        raise ReportError(f"LibreOffice 未能把报告转换为 PDF（{(done.stderr or done.stdout).strip()[:200]}）")
    return produced
