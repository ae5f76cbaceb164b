"""Finance in the admin: monthly donors, MRR, new and stopped per month, failed payments; stopped shows at once."""

import datetime

import pytest
from django.utils import timezone

from giving import finance
from giving.models import FailedPayment, Gift, MonthlyGift
from tests.donations.test_admin import granted, login

from .conftest import event

pytestmark = pytest.mark.django_db


def monthly(email, amount_cents, status="active", started=None, cancelled=None):
    return MonthlyGift.objects.create(
        email=email,
        amount_cents=amount_cents,
        language="nl",
        provider="stripe",
        status=status,
        started_at=started or timezone.now(),
        cancelled_at=cancelled,
    )


def test_finance_may_see_gifts_after_migrating():
    assert {"giving.view_gift", "giving.view_monthlygift", "giving.view_failedpayment"} <= granted("Finance")


def test_active_donors_and_mrr_count_active_and_retrying_gifts_only():
    monthly("a@example.org", 1000)
    monthly("b@example.org", 2500, status="past_due")
    monthly("c@example.org", 5000, status="cancelled", cancelled=timezone.now())
    monthly("d@example.org", 700, status="incomplete")
    assert finance.active_monthly() == (2, 3500)


def test_new_and_stopped_are_counted_per_month():
    now = timezone.now()
    last_month = now.replace(day=1) - datetime.timedelta(days=2)
    monthly("a@example.org", 1000, started=last_month)
    monthly("b@example.org", 1000, status="cancelled", started=last_month, cancelled=now)
    monthly("c@example.org", 1000)
    rows = finance.per_month(months=3, now=now)
    assert [(started, stopped) for _month, started, stopped, _once in rows] == [(1, 1), (2, 0), (0, 0)]
    assert rows[0][0] == now.date().replace(day=1)


def test_the_figures_page_shows_them_to_finance(client):
    gift = monthly("a@example.org", 1250, status="past_due")
    FailedPayment.objects.create(monthly_gift=gift, invoice_id="in_test_1", attempt=2, amount_cents=1250)
    login(client, "Finance")
    response = client.get("/admin/giving/figures/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-figure="donors">1<' in html and "12.50" in html and "in_test_1" in html


def test_editors_may_not_see_the_figures(client):
    login(client, "Editors")
    assert client.get("/admin/giving/figures/").status_code in (302, 403)


def test_a_stopped_gift_shows_as_stopped_in_the_admin_listing_at_once(
    client, post_event, give, donate_page, fake_stripe
):
    give(donate_page, frequency="monthly", choice="25", email="stop@example.org")
    session = fake_stripe.subscribe(MonthlyGift.objects.get().checkout_session_id)
    post_event(event("checkout.session.completed", session))
    cancelled = fake_stripe.subscription(session["subscription"], status="canceled")
    post_event(event("customer.subscription.deleted", cancelled))
    login(client, "Finance")
    response = client.get("/admin/giving/monthly/?status=cancelled")
    assert response.status_code == 200 and "stop@example.org" in response.content.decode()
    assert client.get("/admin/giving/payments/").status_code == 200
    assert client.get("/admin/giving/failed/").status_code == 200
    assert not Gift.objects.filter(monthly_gift__isnull=False).exists()


def paid_gift(**values):
    defaults = {"frequency": "one_off", "amount_cents": 1250, "email": "x@example.org", "language": "nl"}
    return Gift.objects.create(provider="stripe", status="paid", paid_at=timezone.now(), **{**defaults, **values})


def test_finance_exports_payments_with_stripe_references_and_no_email(client):
    paid_gift(payment_intent_id="pi_test_1", checkout_session_id="cs_test_1")
    paid_gift(payment_intent_id="=HYPERLINK(1)", checkout_session_id="cs_test_2", refunded_cents=250)
    Gift.objects.create(frequency="one_off", amount_cents=999, email="p@example.org", language="nl", provider="stripe")
    login(client, "Finance")
    response = client.get(f"/admin/giving/figures/export.csv?year={timezone.now().year}")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert len(lines) == 3  # the header and the two paid gifts, not the pending one
    assert "pi_test_1" in body and "12.50" in body and "2.50" in body and "'=HYPERLINK(1)" in body
    assert "example.org" not in body


def test_the_export_refuses_a_bad_year_and_other_roles(client):
    login(client, "Finance")
    assert client.get("/admin/giving/figures/export.csv?year=twenty").status_code == 400
    assert client.get("/admin/giving/figures/export.csv?year=1").status_code == 400
    client.logout()
    login(client, "Campaign staff")
    assert client.get("/admin/giving/figures/export.csv").status_code in (302, 403)


def test_finance_may_export_after_migrating():
    # The ANBI data is the site identity's now (editors keep it), no longer a setting of Finance's.
    assert "giving.export_gifts" in granted("Finance")
    assert "giving.change_anbisettings" not in granted("Finance")


def test_the_chart_draws_twelve_months_oldest_first_scaled_to_the_busiest():
    from giving.charts import HEIGHT, TOP, new_and_stopped_chart

    now = timezone.now()
    last_month = now.replace(day=1) - datetime.timedelta(days=2)
    monthly("a@example.org", 1000, started=last_month)
    monthly("b@example.org", 1000, status="cancelled", started=last_month, cancelled=now)
    monthly("c@example.org", 1000)
    chart = new_and_stopped_chart(finance.per_month(now=now))
    groups = chart["groups"]
    assert len(groups) == 12 and groups[-1]["month"] == now.date().replace(day=1) and chart["peak"] == 2
    assert groups[0]["month"] < groups[-1]["month"]
    this, last = groups[-1], groups[-2]
    assert (last["new"]["n"], last["new"]["height"]) == (2, HEIGHT - TOP)  # the busiest: full height
    assert (this["new"]["height"], this["stopped"]["height"]) == ((HEIGHT - TOP) / 2, (HEIGHT - TOP) / 2)
    assert groups[0]["new"]["height"] == 0 and groups[0]["new"]["y"] == HEIGHT
    assert all(group["new"]["x"] + group["new"]["width"] < group["stopped"]["x"] for group in groups)


def test_no_chart_when_nothing_started_or_stopped():
    from giving.charts import new_and_stopped_chart

    monthly("old@example.org", 1000, started=timezone.now() - datetime.timedelta(days=800))
    assert new_and_stopped_chart(finance.per_month()) is None


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_figures_page_draws_the_chart_and_keeps_the_table(client, language):
    monthly("a@example.org", 1000)
    monthly("b@example.org", 1000, status="cancelled", cancelled=timezone.now())
    login(client, "Finance", language)
    html = client.get("/admin/giving/figures/").content.decode()
    start = html.index('<figure class="giving-chart">')
    svg = html[start : html.index("</svg>", start)]
    assert 'role="img"' in svg and 'aria-labelledby="giving-chart-title giving-chart-desc"' in svg
    assert svg.count('class="giving-chart__new"') == 12 and svg.count('class="giving-chart__stopped"') == 12
    title = {"nl": "Nieuwe en gestopte maandelijkse giften", "en": "New and stopped monthly gifts"}[language]
    assert title in svg and "<table" in html  # the table keeps the figures for screen readers
