"""The password backend: Django's, reading the signed-in user's profile in the same query.

Every page asks for the user's scope (the header's links, every view's region check): with the
profile, its region and its department joined to the user's row, a page is one query shorter.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import backends
from django.contrib.auth.models import User


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = (
            User.objects.select_related("profile__region", "profile__department").filter(pk=user_id).first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
