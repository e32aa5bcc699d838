"""Settings for the timeline project, read from the environment.

Defaults give a working local app on SQLite: check out, migrate, runserver. Production sets
DJANGO_ENV=production, SECRET_KEY and ALLOWED_HOSTS (see README, "Deployment").
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default="False"):
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envint(name, default):
    return int(os.environ.get(name, default))


def envlist(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"

# DEBUG is off unless the environment turns it on (DEBUG=1, for local debugging only).
DEBUG = envbool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    # Without it every request would get a 400; say why at start rather than at the first request.
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production (comma-separated).")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "events",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and API responses compressed for browsers that ask (the timeline's HTML is ~190 kB, ~20 kB
    # gzipped). Below WhiteNoise, which serves static files already compressed and never reaches it.
    # BREACH needs a secret in a compressed body that also reflects attacker input: the public pages
    # carry none (no CSRF token, no session data); admin forms' CSRF tokens are masked anew on every
    # response, and GZipMiddleware pads each response with random bytes (Django's "Heal The Breach").
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "timeline.urls"

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
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "timeline.wsgi.application"

# SQLite in the project folder by default; DATABASE_URL=postgres://... for PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A web app writes while others read: WAL lets readers go on during a write, IMMEDIATE takes the
    # write lock at BEGIN so two writers queue instead of failing mid-transaction, and the timeout is
    # how long a writer waits for the lock.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": envint("SQLITE_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production WhiteNoise serves static files straight from the app and static folders, as
# they change, without collectstatic and whether or not DEBUG is on: scripts/serve runs with DEBUG off,
# so a visitor sees the product's own error pages, never Django's debug page.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not PRODUCTION

# Content-Security-Policy: scripts only from this origin, no inline script or eval anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Ingest limits: larger or stranger input is refused with a message, never half-stored.
INGEST_MAX_BYTES = envint("INGEST_MAX_BYTES", 5 * 1024 * 1024)
# A news paragraph is a few thousand characters; a far longer line is a dump, not an article, and
# sentence splitting slows down on it.
INGEST_MAX_LINE_CHARS = envint("INGEST_MAX_LINE_CHARS", 50_000)

if PRODUCTION:
    # Served by gunicorn on 127.0.0.1 behind a proxy that terminates TLS and sets (never passes on)
    # X-Forwarded-Proto; see README, "Deployment".
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Fetching web pages and feeds from http(s) addresses (events/fetching.py, which explains the rules).
# FETCH_TIMEOUT (seconds) bounds connecting, each wait for the server and the whole fetch (redirects,
# retries and download together); bodies over FETCH_MAX_BYTES (counted after decompression) are refused;
# hosts at private, loopback, link-local or other non-public addresses are refused unless
# FETCH_ALLOW_PRIVATE_ADDRESSES. Failed connections and 429/5xx answers are tried FETCH_RETRIES more
# times, waiting FETCH_BACKOFF seconds, then twice that, and so on.
FETCH_TIMEOUT = float(os.environ.get("FETCH_TIMEOUT", 10))
FETCH_MAX_BYTES = envint("FETCH_MAX_BYTES", 5_000_000)
FETCH_MAX_REDIRECTS = envint("FETCH_MAX_REDIRECTS", 5)
FETCH_RETRIES = envint("FETCH_RETRIES", 2)
FETCH_BACKOFF = float(os.environ.get("FETCH_BACKOFF", 0.5))
FETCH_USER_AGENT = os.environ.get(
    "FETCH_USER_AGENT", "MeetingsTimeline/1.0 (+see README; timeline of meetings from news articles)"
)
FETCH_ALLOW_PRIVATE_ADDRESSES = envbool("FETCH_ALLOW_PRIVATE_ADDRESSES")

# Background work (admin uploads, addresses, feed polls) runs through django.tasks with the database
# backend of django-tasks-db: no broker to install, the jobs live in the same database as the
# documents (SQLite or PostgreSQL), and `manage.py db_worker` (started by scripts/serve) runs them.
# TASKS_BACKEND=immediate runs each task inside the request instead (no worker needed).
TASKS = {
    "default": {
        "BACKEND": {
            "db": "django_tasks_db.DatabaseBackend",
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TASKS_BACKEND", "db")],
    }
}
# An admin upload may hold this many files (a zip counts as one; its members are not counted here).
DATA_UPLOAD_MAX_NUMBER_FILES = envint("DATA_UPLOAD_MAX_NUMBER_FILES", 1000)
# Documents in one background job (a zip's members, addresses) at most.
INGEST_MAX_JOB_ITEMS = envint("INGEST_MAX_JOB_ITEMS", 5000)
# What the zips of one upload may unpack to, checked before they are unpacked.
INGEST_MAX_ZIP_BYTES = envint("INGEST_MAX_ZIP_BYTES", 200_000_000)
