"""Settings from the environment: embedded SQLite by default, PostgreSQL through DATABASE_URL.

| variable | default |
| --- | --- |
| HEALTHACTION_SECRET_KEY | random, made at first start in $HEALTHACTION_VAR/secret_key (mode 600); |
| | with DEBUG off the public development key and keys under 32 characters are refused |
| HEALTHACTION_DEBUG | off |
| HEALTHACTION_ALLOWED_HOSTS | 127.0.0.1,localhost |
| HEALTHACTION_VAR | <repository>/var (SQLite file, uploaded plans) |
| DATABASE_URL | sqlite:///$HEALTHACTION_VAR/healthaction.sqlite3 |
| HEALTHACTION_LOGIN_FAILURES | 5 (failed logins of one account from one address before it is locked) |
| HEALTHACTION_LOCKOUT_MINUTES | 30 (how long the lock lasts) |
| HEALTHACTION_SOFFICE | soffice or libreoffice on PATH (LibreOffice, for .pdf reports and .doc plans) |
| HEALTHACTION_EMAIL_BACKEND, HEALTHACTION_FROM_EMAIL | console backend, healthaction@localhost (reminders) |
| HEALTHACTION_QUEUE_URL | sqlite:///$HEALTHACTION_VAR/queue.sqlite3 (jobs; or redis://…, postgres://…) |
| HEALTHACTION_CACHE_URL | each process's memory (dashboards' cache; redis://host:6379/1 shares it) |
| HEALTHACTION_CACHE_PREFIX | healthaction-dashboards (the cache's key prefix; one per site on a Redis) |
| HEALTHACTION_SELF_APPROVAL | off (审核 by another than the submitter; on: a small office approves its own) |
| HEALTHACTION_HSTS_SECONDS | 0 (Strict-Transport-Security max-age; 31536000 once the site is HTTPS only) |
| HEALTHACTION_HSTS_INCLUDE_SUBDOMAINS, HEALTHACTION_HSTS_PRELOAD | off |
| HEALTHACTION_SSL_REDIRECT | off (redirect http:// to https://) |
| HEALTHACTION_SECURE_COOKIES | off (session, CSRF and language cookies only over HTTPS) |
| HEALTHACTION_BEHIND_HTTPS_PROXY | off (trust the proxy's X-Forwarded-Proto: https) |
| HEALTHACTION_CSRF_TRUSTED_ORIGINS | none (comma-separated, e.g. https://jiankang.example.gov.cn) |
| HEALTHACTION_CSP | enforce (the Content-Security-Policy header; report-only or off) |

Behind HTTPS, `python web/manage.py check --deploy` is clean with HEALTHACTION_HSTS_SECONDS=31536000,
HEALTHACTION_HSTS_INCLUDE_SUBDOMAINS=1, HEALTHACTION_HSTS_PRELOAD=1, HEALTHACTION_SSL_REDIRECT=1 and
HEALTHACTION_SECURE_COOKIES=1.
"""

from __future__ import annotations

import os
import secrets
import time
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

django_stubs_ext.monkeypatch()  # lets ModelAdmin[Region] and friends be subscripted at run time


def _flag(name: str, default: str = "") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("HEALTHACTION_VAR", BASE_DIR.parent / "var"))

DEBUG = _flag("HEALTHACTION_DEBUG")
# The key that once was the default: public, so a site running on it can have its sessions forged.
PUBLIC_DEV_KEY = "dev-only-healthaction-key-change-me-in-production"


def _site_key(folder: Path) -> str:
    """The site's own random key in ``folder/secret_key``, made on first start (mode 600): `make run`
    needs no configuration and no two sites share a key. Several machines serving one site set
    HEALTHACTION_SECRET_KEY to one value instead."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secret_key"
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made before, or by another worker starting at the same moment
        for _ in range(50):
            key = path.read_text().strip()
            if key:
                return key
            time.sleep(0.1)
        raise ImproperlyConfigured(f"{path}：密钥文件为空，请删除后重新启动") from None
    key = secrets.token_urlsafe(50)
    with os.fdopen(handle, "w") as out:
        out.write(key)
    return key


SECRET_KEY = os.environ.get("HEALTHACTION_SECRET_KEY", "").strip() or (
    PUBLIC_DEV_KEY if DEBUG else _site_key(VAR_DIR)
)
if not DEBUG and (SECRET_KEY == PUBLIC_DEV_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "HEALTHACTION_SECRET_KEY 是公开的开发密钥或太短（少于32个字符）：生产环境（HEALTHACTION_DEBUG 关闭）"
        "不能使用。请设置一个随机的长密钥，或删除该变量，由系统在 HEALTHACTION_VAR/secret_key 中生成。"
    )
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
    "web.supervision",
    "web.reports",
    "web.home",
    "web.jobs",  # long work (PDF reports, large uploads, plan imports, recomputes) on a worker
    "web.help",  # 帮助: the user manual (docs/manual) inside the site
    "csp",
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
    "csp.middleware.CSPMiddleware",
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
                "web.config.context.scope",
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
# Several web hosts: one shared cache (Django's own Redis backend) so a part computed on one host
# serves them all. Correctness never depended on it (the generation token), only the hit rate.
if _cache_url := os.environ.get("HEALTHACTION_CACHE_URL", ""):
    CACHES["dashboards"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _cache_url,
        # Two sites on one Redis (a training site beside the live one) must not serve each other's pages.
        "KEY_PREFIX": os.environ.get("HEALTHACTION_CACHE_PREFIX", "healthaction-dashboards"),
    }

# The jobs' queue (huey, web/queue/backend.py): a SQLite file by default, nothing to run beside it.
# An uploaded workbook with more rows than this is read and saved on a worker, not in the request.
HEALTHACTION_INLINE_UPLOAD_ROWS = int(os.environ.get("HEALTHACTION_INLINE_UPLOAD_ROWS", "3000"))
HEALTHACTION_QUEUE_URL = os.environ.get("HEALTHACTION_QUEUE_URL") or f"sqlite:///{VAR_DIR / 'queue.sqlite3'}"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked account before the password is checked
    "web.accounts.backends.ModelBackend",  # Django's, with the user's profile read in the same query
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

# HTTPS, when the site is served through it (directly or behind a proxy that says so); all off by
# default because the embedded site listens on plain HTTP on 127.0.0.1. With all of them set,
# `python web/manage.py check --deploy` reports nothing.
SECURE_HSTS_SECONDS = int(os.environ.get("HEALTHACTION_HSTS_SECONDS", "0") or 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("HEALTHACTION_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = _flag("HEALTHACTION_HSTS_PRELOAD")
SECURE_SSL_REDIRECT = _flag("HEALTHACTION_SSL_REDIRECT")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = _flag("HEALTHACTION_SECURE_COOKIES")
if _flag("HEALTHACTION_BEHIND_HTTPS_PROXY"):  # the proxy sets X-Forwarded-Proto: https
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("HEALTHACTION_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# Content-Security-Policy: scripts, styles, images, fonts and connections from this site only; no
# inline script or style attribute in any page (web/static/js/site.js holds the behaviour). ECharts
# and Swagger UI set styles through the DOM (CSSOM), which style-src does not govern; charts and the
# docs' icons are data: images. HEALTHACTION_CSP=report-only sends it as a report (for trying a
# change), =off not at all.
_CSP_MODE = os.environ.get("HEALTHACTION_CSP", "enforce").strip().lower()
_CSP = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if _CSP_MODE == "report-only":
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
elif _CSP_MODE != "off":
    CONTENT_SECURITY_POLICY = _CSP

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
