"""The yearly statement (PDF, in the donor's language): organisation, RSIN, the gifts of the year, net of refunds."""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from giving.models import AnbiSettings, Gift
from giving.tokens import manage_token

pytestmark = pytest.mark.django_db


def gift(customer="cus_test_1", amount=1000, refunded=0, when=None, frequency="monthly"):
    return Gift.objects.create(
        frequency=frequency,
        amount_cents=amount,
        refunded_cents=refunded,
        email="lina@example.org",
        language="nl",
        provider="stripe",
        status="paid",
        customer_id=customer,
        paid_at=when or timezone.now(),
    )


def text(response):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_statement_lists_the_years_gifts_of_this_donor_only(client):
    AnbiSettings.objects.create(rsin="002496826", legal_name="Stichting VluchtelingenWerk Nederland")
    year = timezone.now().year
    gift(amount=2500)
    gift(amount=2500, refunded=500)
    gift(amount=1000, frequency="one_off")
    gift(amount=9900, when=timezone.now() - datetime.timedelta(days=400))  # another year
    gift(customer="cus_test_2", amount=7700)  # another donor
    response = client.get(f"/nl/giving/manage/{manage_token('cus_test_1')}/statement-{year}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = text(response)
    assert f"Jaaroverzicht van giften {year}" in content and "002496826" in content
    assert "Stichting VluchtelingenWerk Nederland" in content
    assert "Totaal: € 55" in content.replace("\xa0", " ")  # 25 + 20 + 10
    assert "99" not in content.replace(str(year), "") and "77" not in content


def test_the_statement_is_in_english_on_the_english_link(client):
    gift()
    response = client.get(f"/en/giving/manage/{manage_token('cus_test_1')}/statement-{timezone.now().year}.pdf")
    assert "Yearly statement of gifts" in text(response)


def test_a_tampered_link_or_a_future_year_gets_no_statement(client):
    token = manage_token("cus_test_1")
    assert client.get(f"/en/giving/manage/{token[:-3]}abc/statement-2026.pdf").status_code == 400
    assert client.get(f"/en/giving/manage/{token}/statement-{timezone.now().year + 1}.pdf").status_code == 404
    assert client.get(f"/en/giving/manage/{token}/statement-1999.pdf").status_code == 404


def test_an_rsin_must_have_eight_or_nine_digits():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        AnbiSettings(rsin="12ab").full_clean()
