from django.contrib import admin

from web.plans.models import Action, Baseline, Indicator, PlanDocument, Target


@admin.register(PlanDocument)
class PlanDocumentAdmin(admin.ModelAdmin[PlanDocument]):
    list_display = ("title", "region", "doc_number", "imported_at")
    exclude = ("parsed",)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin[Indicator]):
    list_display = ("name", "unit", "region", "catalog_name")
    search_fields = ("name",)


admin.site.register(Action)
admin.site.register(Target)
admin.site.register(Baseline)
