"""`manage.py reconcile_giving`: monthly gifts against their Stripe subscriptions and paid invoices."""

import io

import pytest
from django.core.management import CommandError, call_command

from giving.models import MonthlyGift

from .conftest import event

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed(give, donate_page, fake_stripe, post_event):
    give(donate_page, frequency="monthly", choice="25")
    session = fake_stripe.subscribe(MonthlyGift.objects.get().checkout_session_id)
    post_event(event("checkout.session.completed", session))
    return session


def run(*args):
    out = io.StringIO()
    call_command("reconcile_giving", *args, stdout=out)
    return out.getvalue()


def test_nothing_to_report_when_every_event_arrived(subscribed, fake_stripe, post_event):
    post_event(event("invoice.paid", fake_stripe.invoice(subscribed["subscription"])))
    assert "No differences." in run()


def test_a_missed_payment_and_a_missed_stop_are_reported_then_repaired(subscribed, fake_stripe):
    invoice = fake_stripe.invoice(subscribed["subscription"])  # its webhook never came
    fake_stripe.subscription(subscribed["subscription"], status="canceled")
    with pytest.raises(CommandError, match="2 differences"):
        run()
    assert MonthlyGift.objects.get().status == "active"
    output = run("--fix")
    assert invoice["id"] in output and "Repaired 2." in output
    monthly = MonthlyGift.objects.get()
    assert monthly.status == "cancelled" and monthly.payments.get().invoice_id == invoice["id"]
    assert "Checked 0 monthly gifts" in run("--fix")  # a stopped gift is not asked about again


def test_stripe_unreachable_fails_clearly(subscribed, fake_stripe):
    fake_stripe.unreachable = True
    with pytest.raises(CommandError, match="Stripe could not be asked"):
        run()


def test_the_nightly_job_repairs_and_is_scheduled(subscribed, fake_stripe):
    from giving.tasks import reconcile_monthly_gifts
    from website import schedule

    fake_stripe.invoice(subscribed["subscription"])
    assert reconcile_monthly_gifts.call() == {"checked": 1, "repaired": 1}
    assert "giving.tasks.reconcile_monthly_gifts" in [job.task_path for job in schedule.JOBS]
