from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest

from web.api.models import ApiToken
from web.api.services import new_token, token_hash, token_prefix


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Created here, a token is shown once in a message; afterwards only its prefix is visible."""

    list_display = ("user", "name", "prefix", "created_at", "last_used_at", "revoked")
    list_filter = ("revoked",)
    search_fields = ("user__username", "name", "prefix")
    readonly_fields = ("prefix", "created_at", "last_used_at")

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if not change:
            token = new_token()
            obj.prefix, obj.key_hash = token_prefix(token), token_hash(token)
            messages.warning(request, f"新令牌（只显示这一次，请立即复制保存）：{token}")
        super().save_model(request, obj, form, change)
