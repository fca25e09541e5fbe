from django.contrib import admin

from web.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ("code", "name", "level", "parent", "is_demo")
    search_fields = ("code", "name")
    list_filter = ("level", "is_demo")
