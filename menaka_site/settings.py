"""Settings for the Ménaka record, read from the environment.

Every value comes from an environment variable parsed strictly: a spelling we do
not recognise is an error at start-up rather than a silent default.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_SPELLINGS = frozenset({"1", "true", "yes", "on"})
FALSE_SPELLINGS = frozenset({"0", "false", "no", "off"})


def env_bool(name, default):
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE_SPELLINGS:
        return True
    if raw in FALSE_SPELLINGS:
        return False
    spellings = ", ".join(sorted(TRUE_SPELLINGS | FALSE_SPELLINGS))
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use one of: {spellings}")


def env_list(name):
    raw = os.environ.get(name, "")
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name, default):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None


def env_required(name, why):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set {why}.")
    return value


DEBUG = env_bool("DJANGO_DEBUG", False)

if DEBUG:
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "insecure-key-for-local-debugging-only"
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
else:
    SECRET_KEY = env_required("DJANGO_SECRET_KEY", "when DJANGO_DEBUG is off")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS must list the site's host names (comma-separated) "
            "when DJANGO_DEBUG is off."
        )

INSTALLED_APPS = [
    "editorial.sites.EditorialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "menaka_site",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "editorial",
    "events",
    "sources",
    "exchange",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "menaka_site.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The language comes from the address alone (/fr/… is French, everything else English), so it
    # can go this early: the 503 page, the page cache's keys and every page below speak it.
    "django.middleware.locale.LocaleMiddleware",
    "menaka_site.middleware.GZipWithoutSecretsMiddleware",
    "menaka_site.health.DatabaseUnavailableMiddleware",
    # Before the middleware that set cookies, so that it sees them (editorial/page_cache.py).
    "editorial.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "menaka_site.entry_addresses.EntryAddressMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account or address is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "menaka_site.urls"

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
                "menaka_site.context_processors.feeds",
                "menaka_site.context_processors.languages",
            ],
        },
    },
]

WSGI_APPLICATION = "menaka_site.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (postgres://...) selects PostgreSQL.
# Persistent connections matter: opening one per request costs PostgreSQL about
# three quarters of its throughput.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so that two editors saving at
    # once wait for each other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE"}



def cache_from_url(url):
    """CACHES["default"] from CACHE_URL; empty: a table in the site's own database.

    The database is the one store every worker and every machine of a deployment already
    shares, so the default needs no other service; Redis or Memcached are faster.
    """
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "page_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    parts = urlsplit(url)
    if parts.scheme in ("redis", "rediss", "unix"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if parts.scheme == "memcached" and parts.netloc and parts.path in ("", "/"):
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
                "LOCATION": parts.netloc.split(",")}
    if parts.scheme == "file" and parts.path.startswith("/") and not parts.netloc:
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": parts.path,
                "OPTIONS": {"MAX_ENTRIES": 20_000}}
    if url == "locmem://":  # one process only: the test suite
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    raise ImproperlyConfigured(
        f"CACHE_URL={url!r} is not understood; use redis://host:6379/0, rediss://..., "
        "memcached://host:11211, file:///absolute/folder or locmem://, or leave it empty for the database."
    )


# Pages live a day at most: those of an old version of the record are never asked for again.
CACHES = {"default": {**cache_from_url(os.environ.get("CACHE_URL", "").strip()), "TIMEOUT": 24 * 3600}}
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)
# Whole exports, kept as files once per version of the record (editorial/file_cache.py). Every worker of a
# machine must see the same folder; one per site, as keeping a version's first file empties the others.
FILE_CACHE_DIR = Path(os.environ.get("DJANGO_FILE_CACHE_DIR", "").strip() or BASE_DIR / "var" / "file-cache")

# The front page shows the dossier the editors feature (Event.featured, in the admin). While no event is
# featured — a record loaded before featuring existed — it shows this one, as it always has, if published.
FRONT_PAGE_FALLBACK_EVENT = "december-2022-menaka-region-clashes"
# HttpResponse("ok") at /benchmark/bare/, through the same middleware: scripts/benchmark's yardstick.
BENCHMARK_BARE_VIEW = env_bool("DJANGO_BENCHMARK_BARE_VIEW", False)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the addresses the site always had, French under /fr/ (menaka_site/urls.py). The
# record's content stays in the language it was written in; the interface around it changes.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# collectstatic writes every file under a name carrying a hash of its content, with
# gzip and Brotli copies beside it; WhiteNoise serves those names with a ten-year,
# immutable cache lifetime. In debug, pages link to the plain names and WhiteNoise
# finds them in the app and project folders, so `make run` needs no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Reasons are sentences written by editors; 100 characters would cut them off.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# The read-only JSON API (exchange/api/): public, anonymous, JSON only. No authentication, so a
# signed-in editor sees exactly what the public sees; drafts are never served, not even to staff.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "exchange.api.pagination.KeysetPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # A `format` parameter is ignored like any other unknown one, rather than answering 404.
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "The Ménaka record API",
    "DESCRIPTION": (
        "Read-only JSON for the published record of the December 2022 Ménaka region clashes: "
        "events, actors, places, sources and claims. Every figure is a claim, with its claimant."
    ),
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Five choice sets are called `kind`: each enum is named after its model rather than after a hash.
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "events.models.Actor.Kind",
        "PlaceKindEnum": "events.models.Place.Kind",
        "SourceKindEnum": "sources.models.Source.Kind",
        "ClaimKindEnum": "sources.models.Claim.Kind",
        "RelationKindEnum": "events.models.ActorRelation.Kind",
        "ClaimDatePrecisionEnum": "sources.models.Claim.DatePrecision",
        "AssessmentEnum": "sources.models.Claim.Assessment",
        "DatePrecisionEnum": "events.models.DatePrecision",
    },
}

SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# HTTPS. Behind a TLS-terminating proxy, Django sees plain HTTP unless it trusts the
# proxy's X-Forwarded-Proto; the proxy must overwrite that header, never pass on the
# client's. The admin's CSRF check compares the browser's Origin with these origins.
BEHIND_TLS_PROXY = env_bool("DJANGO_BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not DEBUG)
# A load balancer or process manager probes these over plain HTTP, from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# One hour by default: a mistake (a host without HTTPS) is forgotten by browsers
# within the hour. Production raises it to a year; preloading is a separate,
# hard-to-undo step (README, "Production").
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)

# Content-Security-Policy: the public pages load scripts, styles, images and fonts
# from the site itself only, and nothing inline. Django's admin needs nothing more
# (tests/browser/test_content_security_policy.py). A view that needs more, say so
# on the view with django-csp's @csp_update, never here for the whole site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    },
}
# Features no page of the site uses, refused to any script that might ask for them.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)

# Sign-in throttling (django-axes): ten failures for one username, or from one
# address, refuse further sign-ins from it for fifteen minutes; every failure
# during the lock starts the fifteen minutes again. `manage.py axes_reset_username
# NAME` lifts a lock early.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "menaka_site.logins.lockout_response"
AXES_CLIENT_IP_CALLABLE = "menaka_site.logins.client_ip_address"
AXES_RESET_ON_SUCCESS = True
# Every failure is logged (logger "axes", warning) with the username and the address,
# which an operator needs to tell a forgetful editor from an attack.
AXES_SENSITIVE_PARAMETERS = []
# Successful sign-ins need no row each in the database.
AXES_DISABLE_ACCESS_LOG = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_in_one_line": {"()": "menaka_site.logs.ClientErrorsInOneLine"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["client_errors_in_one_line"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
}
