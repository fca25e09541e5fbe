from django.contrib import admin

from web.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin[Job]):
    list_display = ["title", "kind", "state", "progress", "created_by", "created_at", "attempts"]
    list_filter = ["state", "kind"]
    readonly_fields = ["kind", "params", "state", "progress", "stage", "error", "outcome", "worker"]
    exclude = ["input_file", "result"]
