from django.contrib import admin

from web.accounts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin[Profile]):
    list_display = ("user", "role", "region", "department")
    list_filter = ("role",)
