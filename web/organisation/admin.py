from django.contrib import admin

from web.organisation.models import Body, Department, DepartmentAlias, Holding, Person, Position


class AliasInline(admin.TabularInline[DepartmentAlias, Department]):
    model = DepartmentAlias
    extra = 0


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin[Department]):
    list_display = ("name", "region", "is_demo")
    search_fields = ("name", "aliases__alias")
    inlines = [AliasInline]


class HoldingInline(admin.TabularInline[Holding, Position]):
    model = Holding
    extra = 0


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin[Position]):
    list_display = ("body", "title", "office", "seq")
    inlines = [HoldingInline]


admin.site.register(Body)
admin.site.register(Person)
