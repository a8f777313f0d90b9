"""Settings for every environment; deploy-time values come from environment variables."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: set the SECRET_KEY environment variable "
            "(or DEBUG=true for local development)."
        )
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The public name and address of the site, used in structured data and handouts.
SITE_NAME = env_str("SITE_NAME", "MS Claim Check")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Who runs this copy, shown on the about and privacy pages. Empty values are said to be unset
# there, never filled in; `check --deploy` warns until they are set (config.checks).
SITE_PUBLISHER = env_str("SITE_PUBLISHER").strip() or SITE_NAME
SITE_CONTACT_EMAIL = env_str("SITE_CONTACT_EMAIL").strip()
SITE_FUNDING = env_str("SITE_FUNDING").strip()
# Days a reader's suggestion is kept; `manage.py purge_suggestions`, run daily, deletes older ones.
SUGGESTION_RETENTION_DAYS = env_int("SUGGESTION_RETENTION_DAYS", 180)
if SUGGESTION_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("SUGGESTION_RETENTION_DAYS must be 1 or more.")

INSTALLED_APPS = [
    "editorial.admin_config.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "pagecache",
    "claims",
    "assessments",
    "editorial",
    "handouts",
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "config.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Two editors saving at once take turns instead of one failing with "database is locked":
    # every transaction takes the write lock when it begins, and waits up to 20 s for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": env_int("SQLITE_TIMEOUT_SECONDS", 20)}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Staff sign-in: lock out a username from an address after repeated failures (django-axes),
# and ask reviewers and admins for a one-time code from an authenticator app (django-otp).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = SITE_NAME  # the name authenticator apps show for staff accounts
# Authenticator secrets never appear in the admin, not even to superusers.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Only staff have sessions (public pages use none): they end after a working day or when the
# browser closes, whichever comes first.
STAFF_SESSION_HOURS = env_int("STAFF_SESSION_HOURS", 12)
if STAFF_SESSION_HOURS < 1:
    raise ImproperlyConfigured("STAFF_SESSION_HOURS must be 1 or more.")
SESSION_COOKIE_AGE = STAFF_SESSION_HOURS * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A sign-in whose `next` is refused (another site) lands on the admin index, not a 404.
LOGIN_REDIRECT_URL = "admin:index"
# Set-password links from `manage.py reset_staff_password` work once, for one day.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One process (runserver, a single worker): the in-process cache. Several workers or machines:
# set REDIS_URL, so they share rendered pages and the content version (pagecache.pages).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "claimcheck"),
            # A cache that stops answering must not hold pages up: they render without it.
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": env_str("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
            "LOCATION": env_str("CACHE_LOCATION", "claimcheck"),
        }
    }
# How many pages each worker keeps in its own memory beside Redis (pagecache.pages).
LOCAL_PAGE_CACHE_ENTRIES = env_int("LOCAL_PAGE_CACHE_ENTRIES", 500)
SHARED_CACHE_BACKENDS = (
    "django_redis.cache.RedisCache",
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
)
# Where requests read the content version: the shared cache when there is one (no database
# query for a cached page), else the database row, which every process sees at once.
CONTENT_VERSION_IN_CACHE = env_bool(
    "CONTENT_VERSION_IN_CACHE", CACHES["default"]["BACKEND"] in SHARED_CACHE_BACKENDS
)
# The apps whose rows public pages show: every save, delete or many-to-many change of one of
# their models bumps the content version, so no cached page outlives the content it shows.
PAGECACHE_CONTENT_APPS = ["claims", "assessments"]

# Matching by meaning (claims.search.embeddings): whether search and matching use the embedding
# model at all, and how many threads the model's numpy and tokenizer may start in a process.
# One suits a 2-core host running two workers; more threads only add queueing there. Set
# before numpy or the tokenizer is imported, which is why it lives here.
SEARCH_BY_MEANING = env_bool("SEARCH_BY_MEANING", True)
EMBEDDING_THREADS = env_int("EMBEDDING_THREADS", 1)
if EMBEDDING_THREADS < 1:
    raise ImproperlyConfigured("EMBEDDING_THREADS must be 1 or more.")
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                  "RAYON_NUM_THREADS"):
    os.environ.setdefault(_variable, str(EMBEDDING_THREADS))
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false" if EMBEDDING_THREADS == 1 else "true")

# Security switches: safe for production by default, relaxed only where DEBUG asks for it.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)

# A strict policy: nothing inline, nothing from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Proxies of our own in front of the app (a load balancer, nginx): the reader's address is
# the entry this many hops from the right of X-Forwarded-For (config.client_ip). 0: no proxy,
# X-Forwarded-For is ignored, as anyone can send it. The rate limit and the lockout use it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
