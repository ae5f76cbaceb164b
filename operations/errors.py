"""Error reporting through Sentry, only when SENTRY_DSN is set: otherwise the SDK is not even imported."""

from django.conf import settings


def init_sentry():
    dsn = getattr(settings, "SENTRY_DSN", "")
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=settings.SENTRY_ENVIRONMENT,
        traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
        send_default_pii=False,  # signers' and donors' addresses stay out of error reports
    )
    return True
