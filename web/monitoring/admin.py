from django.contrib import admin

from web.monitoring.models import Evidence, Observation, ObservationChange, ReportingRound


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
