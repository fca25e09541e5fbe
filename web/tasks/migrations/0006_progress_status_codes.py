"""A department's reported status is stored as a code (``in_progress``) instead of its Chinese word
(推进中), like every other choice field; the word is the label. Both ways: the column is widened before
the rows are rewritten, and rewritten back before it is narrowed again."""

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

# The words as they were stored → the codes (healthaction.responsibility.statuses), frozen here:
# a migration must not change when the table does.
CODES = {"未开始": "not_started", "推进中": "in_progress", "已完成": "done"}


def _rewrite(apps: Apps, mapping: dict[str, str]) -> None:
    for model in ("ProgressReport", "ProgressReportChange"):
        rows = apps.get_model("tasks", model).objects
        for old, new in mapping.items():
            rows.filter(status=old).update(status=new)


def to_codes(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _rewrite(apps, CODES)


def to_words(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _rewrite(apps, {code: word for word, code in CODES.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("tasks", "0005_value_limits"),
    ]

    operations = [
        migrations.AlterField(
            model_name="progressreport",
            name="status",
            field=models.CharField(
                choices=[("not_started", "未开始"), ("in_progress", "推进中"), ("done", "已完成")],
                max_length=12,
                verbose_name="状态",
            ),
        ),
        migrations.AlterField(
            model_name="progressreportchange",
            name="status",
            field=models.CharField(max_length=12),
        ),
        migrations.RunPython(to_codes, to_words),
    ]
