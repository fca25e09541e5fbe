"""Extractors: each reads the whole block stream and returns its section of the plan.

Every extractor has the same shape: ``extract(blocks, warnings) -> section``; it
appends a Chinese sentence to ``warnings`` for anything it saw but could not read.
"""

from __future__ import annotations

from healthaction.ingest import coverage
from healthaction.ingest.blocks import Block
from healthaction.ingest.extract import (
    actions,
    committee,
    framework,
    goals,
    metadata,
    tasks,
    working_groups,
)
from healthaction.ingest.normalize import normalize_blocks
from healthaction.plan import Plan


def extract_plan(blocks: list[Block]) -> Plan:
    blocks = normalize_blocks(blocks)
    warnings: list[str] = []
    meta = metadata.extract(blocks, warnings)
    plan = Plan(
        **meta,
        goals=goals.extract(blocks, warnings, meta.get("title")),
        actions=actions.extract(blocks, warnings),
        framework=framework.extract(blocks, warnings),
        committee=committee.extract(blocks, warnings),
        working_groups=working_groups.extract(blocks, warnings),
        tasks=tasks.extract(blocks, warnings),
        warnings=warnings,
    )
    plan.coverage = coverage.measure(blocks, plan)
    plan.warnings += coverage.unread_warnings(blocks, plan.coverage)
    return plan
