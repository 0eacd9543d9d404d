"""Glocal settings: one file, driven by environment variables.

Local development needs none of them. Production sets at least GLOCAL_SECRET_KEY,
GLOCAL_DEBUG=0 and GLOCAL_ALLOWED_HOSTS; DATABASE_URL switches to PostgreSQL.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

# One BLAS/OpenMP thread per process: two gunicorn workers and the task worker on a small
# machine otherwise each start a thread per core and slow each other down (query embedding
# took ≈ 87 ms instead of ≈ 5 ms). Set before numpy is imported; the environment wins.
for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, os.environ.get("GLOCAL_BLAS_THREADS", "1"))

BASE_DIR = Path(__file__).resolve().parent.parent

# One BLAS/OpenMP thread per process unless told otherwise: several web workers each
# running one thread per core oversubscribe a small machine (a query embedding took ≈1 s
# instead of 44 ms). Set before numpy or the embedding engine load their thread pools.
for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, os.environ.get("GLOCAL_EMBEDDING_THREADS", "1"))


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(int(default))).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("GLOCAL_DEBUG", True)
SECRET_KEY = os.environ.get("GLOCAL_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("GLOCAL_SECRET_KEY must be set when GLOCAL_DEBUG=0")
    SECRET_KEY = "insecure-local-development-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = os.environ.get("GLOCAL_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("GLOCAL_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SITE_URL = os.environ.get("GLOCAL_SITE_URL", "http://127.0.0.1:8000")
NETWORK_NAME = os.environ.get("GLOCAL_NETWORK_NAME", "Glocal demo network")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "ninja",  # serves Swagger UI from the package, so /api/docs works offline
    "glocal.audit",
    "glocal.reference",
    "glocal.notifications",
    "glocal.members",
    "glocal.translations",
    "glocal.practices",
    "glocal.matching",
    "glocal.projects",
    "glocal.calls",
    "glocal.events",
    "glocal.network",
    "glocal.cooperation",
    "glocal.desk",
    "glocal.opendata",
    "glocal.maps",
    "glocal.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "glocal.audit.context.audit_source",
    "glocal.members.middleware.TimeZoneMiddleware",
    "glocal.members.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "glocal.security.security_headers",
    "glocal.api.json_errors_under_api",
    "glocal.lib.pagecache.WritesRetireCachedPagesMiddleware",
]

# Benchmarks only (``bench_serve``): answers say how long their query took to embed.
if env_bool("GLOCAL_BENCH_TIMING", False):
    MIDDLEWARE.append("glocal.lib.benchtiming.embedding_time_header")

ROOT_URLCONF = "glocal.urls"
WSGI_APPLICATION = "glocal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "glocal.members.context_processors.network",
                "glocal.lib.roles.context",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE transactions take the
    # write lock up front, so concurrent writers wait (busy timeout) instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "glocal.members.adapters.InvitationOnlyAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{NETWORK_NAME}] "
ACCOUNT_FORMS = {"login": "glocal.members.forms.SignInForm"}  # errors linked to fields
CSRF_FAILURE_VIEW = "glocal.views.csrf_failure"  # templates/403_csrf.html, site-styled

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("ar", _("Arabic")),
    ("sr", _("Serbian (Cyrillic)")),
    ("sr-latn", _("Serbian (Latin)")),
    ("sq", _("Albanian")),
    ("uk", _("Ukrainian")),
    ("el", _("Greek")),
    ("tr", _("Turkish")),
]
LOCALE_PATHS = [BASE_DIR / "glocal" / "locale"]
FORMAT_MODULE_PATH = ["glocal.locale"]  # English dates day-first, 24 h (glocal/locale/en)
TIME_ZONE = "Europe/Vienna"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("GLOCAL_MEDIA_ROOT", BASE_DIR / "media"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "GLOCAL_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("GLOCAL_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("GLOCAL_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("GLOCAL_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GLOCAL_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("GLOCAL_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("GLOCAL_FROM_EMAIL", "Glocal <noreply@glocal.invalid>")

PAGE_CACHE_SECONDS = int(os.environ.get("GLOCAL_PAGE_CACHE_SECONDS", "60"))

TASKS = {
    "default": {
        "BACKEND": os.environ.get("GLOCAL_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}
# A task RUNNING longer than this was left by a dead worker (`requeue_stale_tasks` retries it);
# a worker on the same host that is gone is seen at once (glocal/lib/stale_tasks.py).
TASK_TIMEOUT_MINUTES = int(os.environ.get("GLOCAL_TASK_TIMEOUT_MINUTES", "10"))
# How often `task_worker` requeues tasks of dead workers and queues malformed vectors again.
TASK_SWEEP_SECONDS = float(os.environ.get("GLOCAL_TASK_SWEEP_SECONDS", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals_in_one_line": {"()": "glocal.security.RefusalsInOneLine"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["refusals_in_one_line"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("GLOCAL_LOG_LEVEL", "INFO")},
    # fpdf2's font subsetting logs every glyph at INFO level.
    "loggers": {"fontTools": {"level": "WARNING"}},
}

# "default" is shared by every worker: rate limits and login throttling count across workers.
# The database cache needs nothing more (`manage.py createcachetable`, run by `make setup`);
# a network that runs Redis sets GLOCAL_REDIS_URL. "pages" holds pages rendered for anonymous
# visitors (glocal/lib/pagecache.py), on disk, shared by the web workers of one host.
if os.environ.get("GLOCAL_REDIS_URL"):
    SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["GLOCAL_REDIS_URL"],
    }
else:
    SHARED_CACHE = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "glocal_cache",
    }
CACHES = {
    "default": SHARED_CACHE,
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("GLOCAL_CACHE_DIR", str(BASE_DIR / ".cache" / "pages")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# How many reverse proxies in front of Glocal append to X-Forwarded-For. With 0 (the default,
# no proxy) the header is ignored, so a client cannot pick its own address for rate limits.
TRUSTED_PROXY_COUNT = int(os.environ.get("GLOCAL_TRUSTED_PROXIES", "0"))
NINJA_NUM_PROXIES = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
API_ANONYMOUS_RATE = os.environ.get("GLOCAL_API_ANONYMOUS_RATE", "120/min")
API_TOKEN_RATE = os.environ.get("GLOCAL_API_TOKEN_RATE", "600/min")
# Failed sign-ins count per account (5 in 5 minutes) and, far higher, per address: a burst of
# wrong passwords on one account never blocks another account's sign-in.
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/key,100/5m/ip"}

# How long records kept only for practical reasons live, in days; /privacy/ states them and
# `python manage.py apply_retention` (cron, once a day) deletes what is older.
RETENTION_PENDING_INVITATION_DAYS = 90  # unused invitations, counted from when they were sent
RETENTION_CANCELLED_REGISTRATION_DAYS = 365  # cancelled or declined event registrations
RETENTION_UNUSED_TOKEN_DAYS = 365  # API tokens not used (or never used) for this long
RETENTION_READ_NOTIFICATION_DAYS = 365  # notifications already read

if not DEBUG:
    # Behind a TLS-terminating proxy, the header it sets says the request came over https
    # (empty: trust no header). Only name a header the proxy always overwrites.
    if proxy_header := os.environ.get("GLOCAL_PROXY_SSL_HEADER", "X-Forwarded-Proto"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_header.upper().replace("-", "_"), "https")
    SECURE_SSL_REDIRECT = env_bool("GLOCAL_SSL_REDIRECT", True)
    if not SECURE_SSL_REDIRECT:  # the proxy redirects to https itself (or a local benchmark)
        SILENCED_SYSTEM_CHECKS = ["security.W008"]
    SECURE_HSTS_SECONDS = int(os.environ.get("GLOCAL_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

FORMS_URLFIELD_ASSUME_HTTPS = True
WHITENOISE_AUTOREFRESH = DEBUG

# A stale search index keeps answering while a thread rebuilds it (tests rebuild inline).
SEARCH_REBUILD_IN_BACKGROUND = env_bool("GLOCAL_SEARCH_REBUILD_IN_BACKGROUND", True)
