from django.contrib import admin

from web.supervision.models import Interview, Rectification, Reminder, SupervisionFinding, SupervisionRound


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin[Interview]):
    list_display = ("department", "round", "state", "held_on")
    list_filter = ("state", "round")


@admin.register(Rectification)
class RectificationAdmin(admin.ModelAdmin[Rectification]):
    list_display = ("department", "issue", "round", "due_on", "closed_at")
    list_filter = ("round",)


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin[Reminder]):
    list_display = ("user", "kind", "round", "created_at", "read_at")
    list_filter = ("kind", "round")


class FindingInline(admin.TabularInline[SupervisionFinding, SupervisionRound]):
    model = SupervisionFinding
    extra = 0


@admin.register(SupervisionRound)
class SupervisionRoundAdmin(admin.ModelAdmin[SupervisionRound]):
    list_display = ("region", "year", "held_on")
    inlines = [FindingInline]
