"""What a plan document may unpack into before a reader builds objects from it.

python-docx and openpyxl parse a part whole, and each XML element costs a few hundred bytes
as an object: a 75 KB .docx of 20 MB of ``<w:p/>`` held 1.1 GB and took 25 s. So a .docx or
.xlsx is first read through ``healthaction.package_limits`` (unzipped sizes counted as they
stream, elements counted, no overlong run of text) and a web page's tags are counted, all on
the raw bytes, in C. The limits are far above any real plan (a 300-page 实施方案 with its tables
holds well under 200,000 elements and 10,000 paragraphs) and keep a worker under +300 MB and 10 s.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from healthaction.ingest.errors import UnreadableDocument
from healthaction.package_limits import MEGABYTE, PackageLimitError, PackageLimits, check_package

PLAN_PACKAGE = PackageLimits(
    max_members=2_000,
    max_directory_bytes=MEGABYTE,
    max_unzipped_bytes=256 * MEGABYTE,
    max_part_bytes=128 * MEGABYTE,
    max_part_elements=400_000,  # all XML parts together
    max_run_bytes=4 * MEGABYTE,
    max_blocks=60_000,  # paragraphs and table cells: a 1,000-page document holds ~30,000
)
MAX_HTML_TAGS = 150_000  # a long government web page holds a few thousand


def check_limits(path: Path, data: bytes, *, zipped: bool, markup: bool) -> None:
    """Raise UnreadableDocument naming ``path`` when ``data`` would unpack past the limits."""
    try:
        if zipped:
            check_package(io.BytesIO(data), PLAN_PACKAGE)
        elif markup:
            tags = data.count(b"<") - data.count(b"</")
            if tags > MAX_HTML_TAGS:
                raise PackageLimitError(f"网页元素过多（{tags} 个），上限为 {MAX_HTML_TAGS} 个")
    except PackageLimitError as exc:
        raise UnreadableDocument(f"{path}：{exc}；不是正常的规划文件，请检查后另存再导入") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError):
        return  # a damaged zip: its reader says so in its own words
