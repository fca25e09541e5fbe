"""What the monitoring app announces; apps above it (dashboards) listen, importing nothing of theirs."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that replaces stored statuses, before they are written: a listener that
# invalidates cached parts (the dashboards' generation token) does so in the same transaction.
statuses_refreshing = Signal()
