"""Plan-document ingestion: file → blocks (readers) → Plan (extractors)."""

from __future__ import annotations

from pathlib import Path

from healthaction.ingest.errors import IngestError
from healthaction.ingest.extract import extract_plan
from healthaction.ingest.readers import read
from healthaction.plan import Plan

__all__ = ["IngestError", "parse_file"]


def parse_file(path: Path) -> Plan:
    """Read a plan document and extract its structured plan (warnings inside)."""
    return extract_plan(read(path))
