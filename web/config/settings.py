"""Settings from the environment: embedded SQLite by default, PostgreSQL through DATABASE_URL.

| variable | default |
| --- | --- |
| HEALTHACTION_SECRET_KEY | a development key (set a real one in production) |
| HEALTHACTION_DEBUG | off |
| HEALTHACTION_ALLOWED_HOSTS | 127.0.0.1,localhost |
| HEALTHACTION_VAR | <repository>/var (SQLite file, uploaded plans) |
| DATABASE_URL | sqlite:///$HEALTHACTION_VAR/healthaction.sqlite3 |
| HEALTHACTION_LOGIN_FAILURES | 5 (failed logins of one account from one address before it is locked) |
| HEALTHACTION_LOCKOUT_MINUTES | 30 (how long the lock lasts) |
| HEALTHACTION_SOFFICE | soffice or libreoffice on PATH (LibreOffice, for .pdf reports and .doc plans) |
| HEALTHACTION_EMAIL_BACKEND, HEALTHACTION_FROM_EMAIL | console backend, healthaction@localhost (reminders) |
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext

django_stubs_ext.monkeypatch()  # lets ModelAdmin[Region] and friends be subscripted at run time


def _flag(name: str, default: str = "") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HEALTHACTION_VAR", BASE_DIR.parent / "var"))

SECRET_KEY = os.environ.get("HEALTHACTION_SECRET_KEY", "dev-only-healthaction-key-change-me-in-production")
DEBUG = os.environ.get("HEALTHACTION_DEBUG", "").lower() in {"1", "true", "yes", "on"}
ALLOWED_HOSTS = os.environ.get("HEALTHACTION_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",  # login failure lockout (等保: 限制非法登录次数)
    "web.regions",
    "web.organisation",
    "web.plans",
    "web.monitoring",
    "web.accounts",
    "web.dashboards",
    "web.assessment",
    "ninja",  # serves the API docs' own static files: no CDN
    "web.api",
    "web.tasks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "web.accounts.locale.ChosenLanguageMiddleware",  # zh-hans unless English was chosen
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the user is known (its 400 page shows the site's frame), before any view reads the body.
    "web.config.charset.RequestCharsetMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "web.config.urls"
WSGI_APPLICATION = "web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "web.accounts.context.scope",
                "web.tasks.context.leader_seat",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'healthaction.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share one file: wait for the write lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The dashboards' computed parts (overview, league table, indicator page, statuses API), in each
# worker's memory: nothing to install. Their keys carry a generation token read from the database
# on every request and replaced in the approval's transaction (web/dashboards/cache.py), so no
# worker serves a status older than the last approval.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "dashboards": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "dashboards",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked account before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
# Login failure handling as 等级保护 asks: after N failures of one account from one address the
# account is locked there for a while; a success resets the count. The office unlocks early with
# `python web/manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = int(os.environ.get("HEALTHACTION_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("HEALTHACTION_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "web.accounts.lockout.lockout_response"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# The English translation of the interface (Chinese msgids); the .mo is committed, `make messages` updates it.
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the switcher's choice is remembered for a year in that browser
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Front-end libraries come from npm at `make setup` (web/node_modules), never from a CDN.
_NODE = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/echarts", _NODE / "echarts" / "dist"),
    ("vendor/htmx", _NODE / "htmx.org" / "dist"),
]
# Serve straight from the finders: no collectstatic step before `healthaction serve`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
SILENCED_SYSTEM_CHECKS = ["staticfiles.W004"]  # node_modules absent before `make setup`

# 审核 by someone other than the submitter (four eyes). A very small office where one person both
# reports and reviews may allow self-approval; it is still recorded in each value's history.
SELF_APPROVAL = _flag("HEALTHACTION_SELF_APPROVAL")

MEDIA_ROOT = VAR_DIR / "media"
# Reminders go through this backend; the console prints them until a real one (smtp) is set.
EMAIL_BACKEND = os.environ.get("HEALTHACTION_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("HEALTHACTION_FROM_EMAIL", "healthaction@localhost")
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
