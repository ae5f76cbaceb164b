"""Production settings for the rehearsal (`make rehearse`, benchmarks/rehearse.py), on loopback.

Everything comes from `website.settings.production`; the driver sets the environment (database, its
own Redis, the Varnish to purge, SITE_URL = the proxy). Only what a loopback run needs differs here:
STATIC_ROOT in /tmp (collectstatic output kept between runs, never in the work tree) and email that
never leaves the process (the locmem mailer).
"""

import os

if not os.environ.get("REHEARSAL"):
    raise RuntimeError("run the rehearsal through benchmarks/rehearse.py (make rehearse)")

os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_rehearsal")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_rehearsal")

from website.settings.production import *  # noqa: E402,F403

STATIC_ROOT = os.environ.get("REHEARSAL_STATIC_ROOT", "/tmp/campaign-rehearse-staticfiles")
