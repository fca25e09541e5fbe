from django.contrib import admin
from django.http import HttpRequest

from web.assessment.models import (
    Adjustment,
    AssessmentResult,
    AssessmentScheme,
    OrganisationItem,
    ReviewedValue,
    SchemeIndicator,
)


class ItemInline(admin.TabularInline[SchemeIndicator, AssessmentScheme]):
    model = SchemeIndicator
    extra = 0


class OrganisationInline(admin.TabularInline[OrganisationItem, AssessmentScheme]):
    model = OrganisationItem
    extra = 0


@admin.register(AssessmentScheme)
class SchemeAdmin(admin.ModelAdmin[AssessmentScheme]):
    list_display = ("region", "year", "title", "is_trial")
    inlines = [ItemInline, OrganisationInline]


@admin.register(ReviewedValue)
class ReviewedValueAdmin(admin.ModelAdmin[ReviewedValue]):
    list_display = ("scheme", "region", "indicator", "year", "reported_value", "value", "reason")


@admin.register(Adjustment)
class AdjustmentAdmin(admin.ModelAdmin[Adjustment]):
    list_display = ("scheme", "region", "kind", "points", "reason")


@admin.register(AssessmentResult)
class ResultAdmin(admin.ModelAdmin[AssessmentResult]):
    list_display = ("scheme", "version", "published_at", "published_by")
    readonly_fields = ("scheme", "version", "data", "differences", "published_at", "published_by")

    # A published result is the record of a 发布 (assessment_publish numbers it): never typed in by hand.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
