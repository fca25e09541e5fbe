"""What the plans app announces; apps above it (tasks) listen, so plans imports none of them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the import's transaction once a plan's actions, indicators, targets and positions are stored,
# with ``document`` (the PlanDocument): the 责任清单 app imports the plan's tasks then.
plan_imported = Signal()
