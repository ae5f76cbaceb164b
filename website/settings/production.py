from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DEEPL_API_KEY, SECRET_KEY, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, env, env_bool

DEBUG = False

if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith(("dev-only", "django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names (no '*').")
if not STRIPE_SECRET_KEY.startswith(("sk_", "rk_")):
    raise ImproperlyConfigured("STRIPE_SECRET_KEY must be set to a Stripe secret key (sk_… or rk_…).")
if not STRIPE_WEBHOOK_SECRET.startswith("whsec_"):
    raise ImproperlyConfigured("STRIPE_WEBHOOK_SECRET must be set to the webhook endpoint's signing secret (whsec_…).")
DEMO_PAYMENTS_ALLOWED = False
# Without a DeepL key there is no machine translation in production: the editor shows no button.
if not DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
MAILERS = {"default": {"BACKEND": env("EMAIL_BACKEND", "anymail.backends.postmark.EmailBackend")}}
