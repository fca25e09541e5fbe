"""Small documents written for the tests, parsed the way `healthaction parse` parses a .txt file."""

from __future__ import annotations

from pathlib import Path

from healthaction.ingest.blocks import Block
from healthaction.ingest.extract import extract_plan
from healthaction.ingest.normalize import normalize_blocks
from healthaction.ingest.readers import txt
from healthaction.plan import Plan


def blocks_of(text: str) -> list[Block]:
    return txt.read(Path("文件.txt"), text.encode("utf-8"))


def normalised(text: str) -> list[Block]:
    return normalize_blocks(blocks_of(text))


def parse_text(text: str) -> Plan:
    return extract_plan(blocks_of(text))
