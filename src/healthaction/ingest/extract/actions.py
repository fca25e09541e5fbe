"""Section extractor: actions (to be written)."""

from __future__ import annotations

from typing import Any

from healthaction.ingest.blocks import Block


def extract(blocks: list[Block], warnings: list[str]) -> list[Any]:
    return []
