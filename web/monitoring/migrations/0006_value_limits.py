from decimal import Decimal

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0005_quarantine_stored_values"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="observation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("value__isnull", True),
                    models.Q(
                        ("value__gt", Decimal("-1000000000000")), ("value__lt", Decimal("1000000000000"))
                    ),
                    _connector="OR",
                ),
                name="observation_value_within_limits",
                violation_error_message="数值超出允许范围（须为有限的数字，整数部分不超过规定位数）",
            ),
        ),
        migrations.AddConstraint(
            model_name="observationchange",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("old_value__isnull", True),
                    models.Q(
                        ("old_value__gt", Decimal("-1000000000000")),
                        ("old_value__lt", Decimal("1000000000000")),
                    ),
                    _connector="OR",
                ),
                name="observation_change_old_value_within_limits",
                violation_error_message="数值超出允许范围（须为有限的数字，整数部分不超过规定位数）",
            ),
        ),
        migrations.AddConstraint(
            model_name="observationchange",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("new_value__isnull", True),
                    models.Q(
                        ("new_value__gt", Decimal("-1000000000000")),
                        ("new_value__lt", Decimal("1000000000000")),
                    ),
                    _connector="OR",
                ),
                name="observation_change_new_value_within_limits",
                violation_error_message="数值超出允许范围（须为有限的数字，整数部分不超过规定位数）",
            ),
        ),
    ]
