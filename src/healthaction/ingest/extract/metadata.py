"""Title, region, parent region, 文号, issuer and date."""

from __future__ import annotations

from typing import Any

from healthaction.ingest.blocks import Block


def extract(blocks: list[Block], warnings: list[str]) -> dict[str, Any]:
    return {}
