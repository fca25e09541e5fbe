"""Clean-up shared by every extractor, applied once to the block stream.

Removes HTML remnants (``<p>``), zero-width characters and Word bookmarks
(``[bookmark: _GoBack]``) that converters leave in text. No-break and full-width
spaces are kept: they are part of the text as written, and extractors that split
on white space already treat them as spaces.
"""

from __future__ import annotations

import re

from healthaction.ingest.blocks import Block, Paragraph, Table

_REMNANTS = re.compile(r"</?p\s*/?>|\[bookmark:[^\]]*\]|[\u200b\u200c\u200d\ufeff]", re.IGNORECASE)


def clean_text(text: str) -> str:
    return _REMNANTS.sub("", text).strip()


def normalize_blocks(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(Paragraph(clean_text(block.text), block.where))
        else:
            rows = tuple(tuple(clean_text(cell) for cell in row) for row in block.rows)
            out.append(Table(rows, block.where, block.header_rows))
    return out
