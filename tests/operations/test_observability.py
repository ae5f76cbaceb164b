import datetime
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from donations.models import Hold
from operations import errors, metrics
from petitions.models import SignatureStatus

TOKEN = "test-metrics-token"  # website/settings/test.py


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("ops", "ops@example.org", "pw")


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def value(text, name):
    (line,) = [line for line in text.splitlines() if line.startswith(name + " ")]
    return float(line.split()[1])


def test_metrics_count_signing_the_outbox_counting_lag_the_queue_and_holds(client, petition, new_signature):
    now = timezone.now()
    new_signature("Ada", confirmation_due=True)
    new_signature("Bo", confirmation_due=True, created_at=now - datetime.timedelta(seconds=90))
    new_signature(
        "Cas", status=SignatureStatus.CONFIRMED, confirmed_at=now - datetime.timedelta(seconds=30), counted=False
    )
    new_signature("Dee", status=SignatureStatus.CONFIRMED, confirmed_at=now, counted=True)
    Hold.objects.create(
        ad_key=petition.petition_key,
        units=100,
        amount_cents=1000,
        email="a@example.org",
        language="nl",
        expires_at=now + datetime.timedelta(minutes=30),
    )
    DBTaskResult.objects.create(
        task_path="operations.tasks.purge_cdn_urls",
        args_kwargs={"args": [[]], "kwargs": {}},
        backend_name="default",
        run_after=get_date_max(),
        queue_name="default",
    )
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain; version=0.0.4")
    text = response.content.decode()
    assert value(text, "campaigns_signatures_per_minute") == 3  # Bo signed 90 s ago
    assert value(text, "campaigns_confirmation_emails_waiting") == 2
    assert 89 <= value(text, "campaigns_confirmation_email_oldest_age_seconds") < 120
    assert value(text, "campaigns_uncounted_signatures") == 1
    assert 29 <= value(text, "campaigns_counting_lag_seconds") < 60
    assert value(text, "campaigns_task_queue_depth") == 1
    assert value(text, "campaigns_donation_holds_open") == 1
    assert "# TYPE campaigns_task_queue_depth gauge" in text


def test_metrics_are_zero_when_nothing_waits(db):
    assert {figure.name: figure.value for figure in metrics.figures()}["campaigns_counting_lag_seconds"] == 0


def test_metrics_refuse_anonymous_callers_with_401(client, db):
    response = client.get("/metrics")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert "campaigns_" not in response.content.decode()


@pytest.mark.parametrize("header", ["Bearer wrong", "Basic b3BzOnB3", "Bearer ", "Bearer tést", TOKEN])
def test_metrics_refuse_a_wrong_token_with_403(client, db, header):
    response = client.get("/metrics", HTTP_AUTHORIZATION=header)
    assert response.status_code == 403 and "campaigns_" not in response.content.decode()


def test_metrics_refuse_every_token_when_none_is_configured(client, db, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 403


def test_metrics_answer_a_staff_session_but_not_another_user(client, staff, editor):
    client.force_login(editor)
    assert client.get("/metrics").status_code == 403
    client.force_login(staff)
    assert client.get("/metrics").status_code == 200


def test_metrics_refuse_post(client, db):
    assert client.post("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 405


def test_the_status_page_is_for_staff_only(client, staff, editor):
    assert client.get("/admin/operations/status/").status_code == 302  # to the login
    client.force_login(editor)
    assert client.get("/admin/operations/status/").status_code == 403
    client.force_login(staff)
    response = client.get("/admin/operations/status/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert "campaigns_confirmation_emails_waiting" in response.content.decode()


def test_a_request_id_comes_back_and_a_proxy_s_own_is_kept(client, db):
    made = client.get("/robots.txt")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID="varnish-1234abcd")["X-Request-ID"] == "varnish-1234abcd"
    assert client.get("/robots.txt", HTTP_X_REQUEST_ID="bad id\nwith newline")["X-Request-ID"] != "bad id\nwith newline"


def test_log_lines_carry_the_request_id_and_stay_on_one_line():
    import logging

    from operations.logging import OneLineFormatter, RequestIdFilter
    from operations.requests import request_id

    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "first\nsecond", None, None)
    token = request_id.set("abc123")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    line = OneLineFormatter("%(request_id)s %(message)s").format(record)
    assert line == "abc123 first | second"


@pytest.mark.parametrize(("path", "first"), [("/nl/", "Zo terug"), ("/en/", "Back in a moment")])
def test_a_database_that_is_down_gives_a_bilingual_503_not_a_traceback(db, path, first):
    client = Client(raise_request_exception=False)
    with mock.patch.object(connection, "ensure_connection", side_effect=OperationalError("connection refused")):
        with mock.patch.object(connection, "connection", None):
            response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert html.index(first) < html.index("Zo terug" if first != "Zo terug" else "Back in a moment")
    assert "Traceback" not in html and "OperationalError" not in html and "connection refused" not in html


def test_other_errors_are_still_the_500_page(db):
    client = Client(raise_request_exception=False)
    with mock.patch("website.views.HttpResponse", side_effect=ValueError("a bug")):
        response = client.get("/robots.txt")
    assert response.status_code == 500


def test_nothing_is_sent_to_sentry_without_a_dsn(settings):
    import sentry_sdk

    settings.SENTRY_DSN = ""
    assert errors.init_sentry() is False
    assert not sentry_sdk.get_client().is_active()


def test_sentry_starts_with_a_dsn_and_no_personal_data(settings, monkeypatch):
    import sentry_sdk

    seen = {}
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: seen.update(options))
    settings.SENTRY_DSN = "https://public@sentry.example.org/1"
    assert errors.init_sentry() is True
    assert seen["dsn"] == settings.SENTRY_DSN and seen["send_default_pii"] is False
