"""Move aside stored numbers the one number rule cannot hold, before the CHECK constraints are added
(0006 here, and plans 0002, assessment 0002, tasks 0004, which would refuse such rows)."""

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    from web.monitoring.quarantine import quarantine

    quarantine(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0004_quarantined_value"),
        ("plans", "0001_initial"),
        ("assessment", "0001_initial"),
        ("tasks", "0004_supervision_models_moved"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
