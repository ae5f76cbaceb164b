"""Plain share links: no third-party script runs until the visitor clicks one."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


def share_links(url, text=""):
    """[(network, label, href)] for WhatsApp, Facebook, X, LinkedIn and email."""
    message = f"{text} {url}".strip()
    return [
        ("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": message})),
        ("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("x", "X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url})),
        ("linkedin", "LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("email", _("Email"), f"mailto:?subject={quote(text or url)}&body={quote(message)}"),
    ]
