from django.contrib import admin
from django.http import HttpRequest

from web.monitoring.models import Evidence, Observation, ObservationChange, QuarantinedValue, ReportingRound


class ChangeInline(admin.TabularInline[ObservationChange, Observation]):
    model = ObservationChange
    extra = 0
    readonly_fields = ("user", "at", "action", "old_value", "new_value", "old_state", "new_state", "reason")


class EvidenceInline(admin.TabularInline[Evidence, Observation]):
    model = Evidence
    extra = 0
    readonly_fields = ("file", "original_name", "size", "content_type", "uploaded_by", "uploaded_at")


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin[Observation]):
    list_display = ("region", "indicator", "year", "value", "unit", "state", "is_demo")
    list_filter = ("state", "year", "is_demo")
    inlines = [ChangeInline, EvidenceInline]


admin.site.register(ReportingRound)


@admin.register(QuarantinedValue)
class QuarantinedValueAdmin(admin.ModelAdmin[QuarantinedValue]):
    """What ``numbers_quarantine`` moved aside: read-only, so the record of what was removed stays."""

    list_display = ("at", "model", "object_id", "field", "raw", "action")
    list_filter = ("model", "action")
    readonly_fields = ("model", "object_id", "field", "raw", "action", "row", "at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: QuarantinedValue | None = None) -> bool:
        return False
