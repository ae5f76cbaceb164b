"""Content Security Policy: public pages run scripts from files only; Wagtail's admin may run inline ones."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Data for scripts is fine inline: the browser does not execute these types.
DATA_TYPES = ("application/json", "application/ld+json")


def directive(response, name):
    policy = response.headers["Content-Security-Policy"]
    return next(part.split()[1:] for part in policy.split(";") if part.split()[0] == name)


def test_public_pages_allow_scripts_from_the_site_only(client, home):
    response = client.get("/nl/")
    assert response.status_code == 200
    assert directive(response, "script-src") == ["'self'"]


def test_the_admin_may_run_wagtails_inline_scripts(admin_client, home):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in directive(response, "script-src")
    login = admin_client.get("/admin/login/")
    assert "'unsafe-inline'" in directive(login, "script-src")


def public_templates():
    return [
        path
        for path in sorted(TEMPLATES.rglob("*.html"))
        if "admin" not in path.relative_to(TEMPLATES).parts and "email" not in path.relative_to(TEMPLATES).parts
    ]


@pytest.mark.parametrize("path", public_templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_public_templates_have_no_inline_scripts_or_event_handlers(path):
    html = path.read_text()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or any(kind in tag for kind in DATA_TYPES), f"inline script: {tag}"
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), "inline event handler"
    assert "javascript:" not in html
