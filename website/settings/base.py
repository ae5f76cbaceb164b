"""Settings shared by every environment.

The environment is read here and nowhere else (12-factor): each variable is listed in
README.md and .env.example.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "projects",
    "campaigns",
    "petitions",
    "donations",
    "giving",
    "elections",
    "coalitions",
    "wagtail.contrib.frontend_cache",  # before operations, which replaces its page signal handlers
    "operations",
    "translation",  # before wagtail_localize: its admin URLs answer first (machine translation errors)
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "django_countries",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Outermost: every request gets an id, and a database that is down gets a bilingual 503 (operations/).
    "operations.requests.RequestIdMiddleware",
    "operations.requests.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "petitions.middleware.CountJsonMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "website.caching.PageCacheMiddleware",
    "website.i18n.RequestLocalesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "website.i18n.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
# The embedded default (`make run`) shares its file with its own worker. WAL: readers never wait for the
# writer. IMMEDIATE: a transaction takes the write lock when it starts, so two that read and then write queue
# up (up to `timeout` seconds) instead of one failing at once with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "website.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "campaigns"),
            # Redis down: reads miss and writes are dropped (pages render uncached, signing goes on) instead
            # of every request failing; a hung server costs a request at most a second.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    # Room for every page's entry and parts (website.page_parts): the default 300 entries would be culled.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

# Background work: Django's task API with a database queue and `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task still RUNNING this many seconds after it started lost its worker: it is marked failed (website/tasks.py).
TASK_RUNNING_TIMEOUT = int(env("TASK_RUNNING_TIMEOUT", "3600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first and the fallback, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
FORMAT_MODULE_PATH = ["website.formats"]  # one date and number style per language
USE_TZ = True
WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]
# CDN purges on publish (operations/purging.py): each CDN that is configured; none = no purge.
WAGTAILFRONTENDCACHE = {}
if env("CDN_PURGE_URL"):  # Varnish or nginx answering HTTP PURGE
    WAGTAILFRONTENDCACHE["varnish"] = {"BACKEND": "operations.cdn.VarnishBackend", "LOCATION": env("CDN_PURGE_URL")}
if env("CLOUDFLARE_API_TOKEN") or env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "operations.cdn.CloudflarePurgeBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }
if env("CLOUDFRONT_DISTRIBUTION_ID"):  # AWS credentials from boto3's usual variables or role
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "operations.cdn.CloudfrontPurgeBackend",
        "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
    }

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)  # dev and tests only: production serves media itself
WAGTAILIMAGES_IMAGE_MODEL = "website.CustomImage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email: one sending path through Django's mailers; anymail's ESP backends in production.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Campagnes <campagnes@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Locally messages are printed by the worker; production names an anymail backend, e.g.
# "anymail.backends.postmark.EmailBackend".
MAILERS = {"default": {"BACKEND": env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}}
ANYMAIL = {
    key: value
    for key, value in {
        "POSTMARK_SERVER_TOKEN": env("POSTMARK_SERVER_TOKEN"),
        "MAILGUN_API_KEY": env("MAILGUN_API_KEY"),
        "MAILGUN_SENDER_DOMAIN": env("MAILGUN_SENDER_DOMAIN"),
        "SENDGRID_API_KEY": env("SENDGRID_API_KEY"),
        "WEBHOOK_SECRET": env("ANYMAIL_WEBHOOK_SECRET"),
    }.items()
    if value
}

# Payments: Stripe when keys are set.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", "")
# Without Stripe keys, a clearly labelled local demo payment page (dev only; production refuses it).
DEMO_PAYMENTS_ALLOWED = False

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Vluchtelingenwerk Campagnes")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no request to a third party from the admin
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "csv", "txt", "mp3", "ogg", "mp4"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Content Security Policy: every asset comes from the site itself, and scripts only from files
# (static/js; data for them in <script type="application/json">). Video players are framed only
# after the visitor asks for them (see templates/website/blocks/video_block.html).
SECURE_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "script-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# Wagtail's admin still writes inline scripts (date pickers, inline panels): allowed under /admin/ only
# (website/urls.py).
ADMIN_CSP = {**SECURE_CSP, "script-src": ["'self'", "'unsafe-inline'"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One line per event, with the request id (operations/logging.py; gunicorn logs the same id).
    "filters": {"request_id": {"()": "operations.logging.RequestIdFilter"}},
    "formatters": {
        "line": {
            "()": "operations.logging.OneLineFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s rid=%(request_id)s %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "wagtail": {"level": "WARNING"}},
}
DEMO_CONTENT_ALLOWED = env_bool("DEMO_CONTENT_ALLOWED", False)
# How many reverse proxies (load balancer, CDN) sit in front of the app and append to X-Forwarded-For.
NUM_PROXIES = int(env("NUM_PROXIES", "0"))

# Observability (operations/): errors to Sentry only when SENTRY_DSN is set; /metrics for this bearer token.
SENTRY_DSN = env("SENTRY_DSN", "")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", "production")
SENTRY_TRACES_SAMPLE_RATE = float(env("SENTRY_TRACES_SAMPLE_RATE", "0"))
METRICS_TOKEN = env("METRICS_TOKEN", "")

# Machine translation (translation/machine.py): DeepL with the organisation's glossary when a key is set,
# otherwise an offline translator that marks its text "[EN] …" (make run, tests; hidden in production).
DEEPL_API_KEY = env("DEEPL_API_KEY", "")
TRANSLATION_GLOSSARY = BASE_DIR / "translation" / "glossary" / "nl-en.tsv"
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translation.machine.DeepLGlossaryTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "GLOSSARY": TRANSLATION_GLOSSARY, "TIMEOUT": 30},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "translation.machine.OfflineTranslator"}
# Page types and snippets whose Dutch publish asks about an English translation that is behind (translation/gate.py).
TRANSLATION_PUBLISH_GATE = ["campaigns.CampaignPage", "petitions.Petition", "donations.DonationAd"]
