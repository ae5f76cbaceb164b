"""The yearly statement (PDF, in the donor's language): organisation, RSIN, the gifts of the year, net of refunds."""

import datetime
import io

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from giving.models import Gift
from giving.tokens import manage_token
from website.models import SiteIdentity

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


def identities(nl, en):
    """The site identity in both languages, with the ANBI data (synchronised: the same in both)."""
    anbi = {"legal_name": "Stichting Voorbeeld Vluchtelingen", "rsin": "123456789"}
    SiteIdentity.objects.create(locale=nl, organisation_name="Voorbeeld", **anbi)
    SiteIdentity.objects.create(locale=en, organisation_name="Example", **anbi)


def test_the_statement_lists_the_years_gifts_of_this_donor_only(client, locales):
    identities(locales["nl"], locales["en"])
    year = timezone.now().year
    gift(amount=2500)
    gift(amount=2500, refunded=500)
    gift(amount=1000, frequency="one_off")
    gift(amount=9900, when=timezone.now() - datetime.timedelta(days=400))  # another year
    gift(customer="cus_test_2", amount=7700)  # another donor
    response = client.get(f"/nl/giving/manage/{manage_token('cus_test_1')}/statement-{year}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = text(response)
    assert f"Jaaroverzicht van giften {year}" in content and "RSIN: 123456789" in content
    assert "Stichting Voorbeeld Vluchtelingen" in content
    assert "Totaal: € 55" in content.replace("\xa0", " ")  # 25 + 20 + 10
    assert "99" not in content.replace(str(year), "") and "77" not in content


def test_the_statement_is_in_english_on_the_english_link(client, locales):
    identities(locales["nl"], locales["en"])
    gift()
    content = text(client.get(f"/en/giving/manage/{manage_token('cus_test_1')}/statement-{timezone.now().year}.pdf"))
    assert "Yearly statement of gifts" in content and "RSIN: 123456789" in content
    assert "Stichting Voorbeeld Vluchtelingen" in content and "Jaaroverzicht" not in content


def test_without_a_legal_name_the_statement_names_the_organisation(client, locales):
    SiteIdentity.objects.create(locale=locales["nl"], organisation_name="Voorbeeld")
    gift()
    content = text(client.get(f"/nl/giving/manage/{manage_token('cus_test_1')}/statement-{timezone.now().year}.pdf"))
    assert "Voorbeeld" in content and "RSIN: —" in content


def test_a_tampered_link_or_a_future_year_gets_no_statement(client):
    token = manage_token("cus_test_1")
    assert client.get(f"/en/giving/manage/{token[:-3]}abc/statement-2026.pdf").status_code == 400
    assert client.get(f"/en/giving/manage/{token}/statement-{timezone.now().year + 1}.pdf").status_code == 404
    assert client.get(f"/en/giving/manage/{token}/statement-1999.pdf").status_code == 404


@pytest.mark.parametrize("rsin", ["12345678", "1234567890", "12345678a", "123 45678", "12345678\n"])
def test_the_editor_form_refuses_an_rsin_that_is_not_nine_digits(locales, rsin):
    with translation.override("en"):
        form = identity_form(locales["nl"], rsin)
        assert not form.is_valid()
        # Too long is caught by the field's length first; anything else by the nine-digit rule.
        assert form.errors["rsin"] in (["An RSIN has nine digits."], [too_long(rsin)])
    assert not SiteIdentity.objects.exists()


def test_the_editor_form_takes_nine_digits(locales):
    form = identity_form(locales["nl"], "012345678")
    assert form.is_valid(), form.errors


def too_long(rsin):
    return f"Ensure this value has at most 9 characters (it has {len(rsin)})."


def identity_form(locale, rsin):
    """The site identity's form as the snippet editor builds it."""
    from wagtail.admin.panels import get_edit_handler

    form_class = get_edit_handler(SiteIdentity).get_form_class()
    data = {"organisation_name": "Voorbeeld", "legal_name": "Stichting Voorbeeld", "rsin": rsin}
    return form_class(data=data, instance=SiteIdentity(locale=locale), for_user=None)
