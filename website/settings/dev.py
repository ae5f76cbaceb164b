from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine on a laptop; production refuses to start without a real one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
SERVE_MEDIA = True
DEMO_CONTENT_ALLOWED = True
DEMO_PAYMENTS_ALLOWED = True
