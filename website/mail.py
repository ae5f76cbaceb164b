"""The one path every email takes: templates rendered in the recipient's language, sent by the
configured mailer (console locally, an ESP through anymail in production). Called from tasks only,
never inside a request."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def render_plain(template_name, context):
    """A subject or plain-text body: not HTML, so nothing is escaped ('s-Gravenhage, not &#x27;s-Gravenhage)."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def render_templated(template_base, to, context, language):
    """`<template_base>_subject.txt`, `.txt` and `.html` rendered in `language`, as one message."""
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language, "site_url": settings.SITE_URL}
        subject = " ".join(render_plain(f"{template_base}_subject.txt", context).split())
        text = render_plain(f"{template_base}.txt", context)
        html = render_to_string(f"{template_base}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to], headers={"Content-Language": language})
    message.attach_alternative(html, "text/html")
    return message


def send_templated(template_base, to, context, language):
    render_templated(template_base, to, context, language).send()


def send_batch(messages):
    """Send `{key: message}` over one mailer connection (one SMTP session or ESP HTTP session).

    Returns `(sent keys, failed keys)`: a message the mailer refuses is logged and reported as
    failed, the others still go. A connection that cannot be opened raises (nothing was sent).
    """
    sent, failed = [], []
    if not messages:
        return sent, failed
    with mailers.default as mailer:
        for key, message in messages.items():
            try:
                mailer.send_messages([message])
            except Exception:
                logger.exception("could not send %r", message.subject)
                failed.append(key)
            else:
                sent.append(key)
    return sent, failed
