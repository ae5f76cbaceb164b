"""The one path every email takes: templates rendered in the recipient's language, sent by the
configured mailer (console locally, an ESP through anymail in production). Called from tasks only,
never inside a request."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated(template_base, to, context, language):
    """Render `<template_base>_subject.txt`, `.txt` and `.html` in `language` and send them."""
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language, "site_url": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template_base}_subject.txt", context).split())
        text = render_to_string(f"{template_base}.txt", context)
        html = render_to_string(f"{template_base}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to],
                                     headers={"Content-Language": language})
    message.attach_alternative(html, "text/html")
    message.send()
