import re

import pytest
from django.core import mail

from petitions.consent import current_consent
from petitions.models import ConsentVersion, PetitionStatus, Signature, SignatureStatus
from petitions.tasks import send_due_confirmations
from website.normalise import normalise_email


def sign_url(petition, language="nl"):
    return f"/{language}/petitions/{petition.petition_key}/sign/"


def form_data(petition, **overrides):
    data = {
        "name": "Fatima de Vries",
        "email": "fatima@example.org",
        "municipality": "GM0363",
        "consent": "on",
        "consent_version": current_consent(petition).pk,
        "form_ms": "12000",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def sign(client, petition, amsterdam, django_capture_on_commit_callbacks):
    """Sign, then run the confirmation sender as the scheduler would a moment later."""

    def sign(language="nl", target=None, **overrides):
        target = target or petition
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(sign_url(target, language), form_data(target, **overrides))
        send_due_confirmations.call()
        return response

    return sign


def test_signing_stores_a_pending_signature_and_sends_a_confirmation_email(sign, petition):
    response = sign()
    assert response.status_code == 302
    assert response["Location"] == f"/nl/petitions/{petition.petition_key}/thanks/"
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.PENDING
    assert signature.petition_key == petition.translation_key
    assert signature.municipality.cbs_code == "GM0363"
    assert signature.consent.text == petition.consent_text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@example.org"]
    assert "/nl/petitions/confirm/" in mail.outbox[0].body


def test_english_signer_gets_english_email_and_counts_in_the_same_petition(sign, english_petition, petition):
    sign(language="en", target=english_petition)
    signature = Signature.objects.get()
    assert signature.language == "en"
    assert signature.petition_key == petition.petition_key  # one petition, both languages
    assert signature.consent.text == "I consent to my data being kept."
    assert mail.outbox[0].subject.startswith("Confirm your signature")
    assert "/en/petitions/confirm/" in mail.outbox[0].body


def test_dutch_email_is_in_dutch(sign):
    sign()
    assert "Bevestig" in mail.outbox[0].subject


def test_second_signature_sends_already_signed_email_and_looks_the_same(sign):
    first = sign()
    second = sign(email="Fatima@Example.org ")
    assert second.status_code == first.status_code == 302
    assert second["Location"] == first["Location"]
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "already signed" in mail.outbox[1].subject or "al getekend" in mail.outbox[1].subject


@pytest.mark.parametrize(
    "address, normalised",
    [
        ("Jan.Jansen+petitie@GoogleMail.com", "janjansen@gmail.com"),
        ("j.a.n@gmail.com", "jan@gmail.com"),
        ("Jan+x@outlook.com", "jan@outlook.com"),
        ("jan.jansen@outlook.com", "jan.jansen@outlook.com"),
        ("jan-tag@yahoo.com", "jan@yahoo.com"),
        ("Jan+tag@example.org", "jan+tag@example.org"),
    ],
)
def test_email_normalisation_follows_provider_rules(address, normalised):
    assert normalise_email(address) == normalised


def test_gmail_dots_and_tags_count_as_the_same_person(sign):
    sign(email="fatima.devries@gmail.com")
    sign(email="FatimaDeVries+500@googlemail.com")
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": ""}, "Please give your email address"),
        ({"email": "not-an-email"}, "does not look like an email address"),
        ({"name": ""}, "Please give your name"),
        ({"name": "   "}, "Please give your name"),
        ({"name": "x" * 101}, "at most 100 characters"),
        ({"name": "Jan\x00Jansen"}, "cannot be used"),
        ({"name": "Jan\x07Jansen"}, "cannot be used"),
        ({"comment": "x" * 501}, "Ensure this value has at most 500 characters"),
        ({"postcode": "12345"}, "A Dutch postcode looks like 1234 AB"),
        ({"postcode": "<script>"}, "A Dutch postcode looks like 1234 AB"),
        ({"consent": None}, "only sign if you agree"),
        ({"municipality": "GM9999"}, "choose a municipality from the list"),
        ({"municipality": ""}, "choose your municipality"),
        ({"consent_version": "abc"}, "read the consent text again"),
        ({"consent_version": None}, "read the consent text again"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message_and_nothing_written(
    client, petition, amsterdam, overrides, message
):
    response = client.post(sign_url(petition, "en"), form_data(petition, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Signature.objects.count() == 0
    assert len(mail.outbox) == 0


def test_consent_version_of_another_petition_is_refused(client, petition, amsterdam):
    foreign = ConsentVersion.objects.create(
        petition_key="00000000-0000-0000-0000-000000000001", language="nl", version=1, text="x"
    )
    response = client.post(sign_url(petition), form_data(petition, consent_version=foreign.pk))
    assert response.status_code == 400
    assert Signature.objects.count() == 0


@pytest.mark.parametrize("name", ['=HYPERLINK("http://evil")', "<script>alert(1)</script>", "+31 6 1234", "@SUM(A1)"])
def test_formula_and_markup_names_are_stored_as_text(sign, name):
    sign(name=name)
    assert Signature.objects.get().name == name


def test_markup_name_is_escaped_in_the_email(sign):
    sign(name="<b>Jan</b>")
    html = mail.outbox[0].alternatives[0][0] if hasattr(mail.outbox[0].alternatives[0], "__getitem__") else ""
    assert "<b>Jan</b>" not in html
    assert "&lt;b&gt;Jan&lt;/b&gt;" in html


@pytest.mark.parametrize("status", [PetitionStatus.DRAFT, PetitionStatus.CLOSED, PetitionStatus.HANDED_OVER])
def test_petition_that_is_not_open_refuses_signatures(client, petition, amsterdam, status):
    type(petition).objects.filter(translation_key=petition.translation_key).update(status=status)
    response = client.post(sign_url(petition), form_data(petition))
    assert response.status_code == 409
    assert Signature.objects.count() == 0


def test_unknown_petition_is_a_404(client, db):
    assert client.post("/nl/petitions/00000000-0000-0000-0000-000000000000/sign/", {}).status_code == 404
    assert client.post("/nl/petitions/not-a-uuid/sign/", {}).status_code == 404


def test_signing_by_get_signs_nothing_and_goes_back_to_a_page(client, petition):
    # Not on any page yet: the home page of the language (test_sign_bad_input.py: the campaign page).
    response = client.get(sign_url(petition))
    assert response.status_code == 302 and response["Location"] == "/nl/"
    assert not Signature.objects.exists()


def test_cross_site_post_is_refused(client, petition, amsterdam):
    response = client.post(sign_url(petition), form_data(petition), headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_honeypot_is_flagged_silently_and_gets_no_email(sign):
    response = sign(website="http://spam.example")
    assert response.status_code == 302
    assert Signature.objects.get().suspect_reasons == "honeypot"
    assert len(mail.outbox) == 0


def test_too_fast_form_is_flagged_silently(sign):
    assert sign(form_ms="400").status_code == 302
    assert "fast" in Signature.objects.get().suspect_reasons


def test_a_flood_from_one_ip_is_flagged_not_refused(client, petition, amsterdam, django_capture_on_commit_callbacks):
    from petitions.models import PetitionSettings

    settings_row = PetitionSettings.load()
    settings_row.ip_burst_limit = 3
    settings_row.save()
    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(sign_url(petition), form_data(petition, email=f"p{number}@example.org"))
        assert response.status_code == 302
    assert not Signature.objects.exclude(suspect_reasons="").exists()  # counted by the worker, not the request
    send_due_confirmations.call()
    reasons = list(Signature.objects.order_by("pk").values_list("suspect_reasons", flat=True))
    assert reasons[:3] == ["", "", ""]
    assert all("ip-burst" in reason for reason in reasons[3:])
    assert len(mail.outbox) == 5  # flagged, not refused: every signer still gets the link


def test_thank_you_page_offers_share_links_whatsapp_first_through_our_click_counter(client, petition):
    response = client.get(f"/nl/petitions/{petition.petition_key}/thanks/")
    assert response.status_code == 200
    links = re.findall(r'class="button share__link share__link--(\w+)" href="([^"]+)"', response.content.decode())
    assert [channel for channel, _href in links] == ["whatsapp", "email", "x", "bluesky", "facebook"]
    assert links[0][1] == f"/nl/petitions/{petition.petition_key}/share/whatsapp/"


def test_thank_you_page_is_the_same_for_every_signer_and_comes_from_the_page_cache(
    client, petition, django_assert_num_queries
):
    url = f"/en/petitions/{petition.petition_key}/thanks/"
    first = client.get(url)
    assert "public" in first["Cache-Control"]
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content
    assert "Check your inbox" in again.content.decode()
