"""`manage.py api_token USERNAME --name 用途`: create a token and print it once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from web.api.services import api_token_create


class Command(BaseCommand):
    help = "为用户创建接口令牌（令牌只显示这一次）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="用户名")
        parser.add_argument("--name", default="接口访问", help="令牌用途")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"没有用户「{options['username']}」")
        _, token = api_token_create(user=user, name=options["name"])
        self.stdout.write(token)
