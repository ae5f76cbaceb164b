"""Coalition partners on the signing form: one unticked box each, opt-ins recorded with the text version shown."""

import pytest
from django.test import override_settings

from coalitions.consent import current_partner_consent
from coalitions.models import PartnerConsentVersion, PartnerOptIn
from coalitions.partners import partners_of
from petitions.forms import SignatureForm
from petitions.models import Signature
from tests.petitions.test_signing import form_data, sign_url


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def post(petition, language="nl", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(sign_url(petition, language), form_data(petition, **overrides))

    return post


def test_the_sign_form_shows_one_unticked_box_per_partner_with_its_own_text(client, petition, partners, campaign):
    html = client.get(campaign.url).content.decode()
    for partner in partners:
        version = current_partner_consent(partner)
        assert f'value="{version.pk}">' in html  # present and not "checked"
        assert f"Ja, {partner.organisation.name} mag mij mailen." in html
        assert partner.organisation.name in html.split('class="coalition"')[1]  # shown as a partner too
    assert 'name="partners"' in html and "checked" not in html.split("field--partners")[1].split("</fieldset>")[0]


def test_the_english_form_shows_the_english_opt_in_texts(client, english_petition, partners, campaign, english):
    html = client.get(campaign.get_translation(english).url).content.decode()
    assert "Yes, Vluchtelingenwerk Voorbeeld may email me." in html
    assert "Ja, Vluchtelingenwerk" not in html


def test_ticking_a_partner_records_its_opt_in_with_the_version_shown(post, petition, partners):
    shown = current_partner_consent(partners[1])
    response = post(petition, partners=[str(shown.pk)])
    assert response.status_code == 302
    opt_in = PartnerOptIn.objects.get()
    assert opt_in.signature == Signature.objects.get()
    assert opt_in.partner_key == partners[1].partner_key
    assert opt_in.consent == shown and opt_in.consent.text == "Ja, Kinderrechten Voorbeeld mag mij mailen."


def test_an_english_signer_accepts_the_english_version(post, english_petition, partners, english):
    shown = current_partner_consent(partners[0].get_translation(english))
    assert post(english_petition, language="en", partners=[str(shown.pk)]).status_code == 302
    opt_in = PartnerOptIn.objects.get()
    assert (opt_in.consent.language, opt_in.consent.text) == ("en", "Yes, Vluchtelingenwerk Voorbeeld may email me.")


def test_no_box_ticked_records_no_opt_in(post, petition, partners):
    assert post(petition).status_code == 302
    assert Signature.objects.count() == 1
    assert not PartnerOptIn.objects.exists()


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "1.5", "", "x" * 300])
def test_a_garbled_partner_value_is_refused_and_nothing_is_written(post, petition, partners, value):
    response = post(petition, partners=[value])  # a browser never sends an empty value either
    assert response.status_code == 400
    assert "De tekst van een partner is veranderd" in response.content.decode()  # said, in Dutch
    assert not Signature.objects.exists() and not PartnerOptIn.objects.exists()


def test_another_petitions_partner_text_is_refused(post, petition, partners):
    stranger = PartnerConsentVersion.objects.create(
        partner_key=petition.petition_key, language="nl", version=1, text="x"
    )
    assert post(petition, partners=[str(stranger.pk)]).status_code == 400
    assert not Signature.objects.exists()


def test_a_changed_partner_text_is_a_new_version_and_the_old_one_is_asked_again(post, petition, partners):
    old = current_partner_consent(partners[0])
    partners[0].opt_in_text = "Ja, mail mij elke week."
    partners[0].save()
    new = current_partner_consent(partners[0])
    assert (new.version, new.text) == (old.version + 1, "Ja, mail mij elke week.")
    assert post(petition, partners=[str(old.pk)]).status_code == 400
    assert post(petition, partners=[str(new.pk)]).status_code == 302
    assert PartnerOptIn.objects.get().consent == new


def test_a_partner_without_opt_in_text_is_shown_but_offers_no_box(petition, partners):
    partners[0].opt_in_text = ""
    partners[0].save()
    shown = partners_of(petition)
    assert [partner["name"] for partner in shown] == ["Vluchtelingenwerk Voorbeeld", "Kinderrechten Voorbeeld"]
    form = SignatureForm(petition=petition, consent_text="ok")
    assert [partner["name"] for partner in form.fields["partners"].partners] == ["Kinderrechten Voorbeeld"]


def test_a_petition_without_partners_has_no_partner_field(petition, partners):
    for partner in partners:
        partner.delete()
    assert "partners" not in SignatureForm(petition=petition, consent_text="ok").fields


def test_the_partner_list_is_cached_and_costs_no_query_when_warm(petition, partners, django_assert_num_queries):
    partners_of(petition)
    with django_assert_num_queries(0):
        assert len(partners_of(petition)) == 2


@override_settings(LANGUAGE_CODE="nl")
def test_a_duplicate_signature_records_no_second_opt_in(post, petition, partners):
    version = str(current_partner_consent(partners[0]).pk)
    post(petition, partners=[version])
    post(petition, partners=[version])
    assert Signature.objects.count() == 1 and PartnerOptIn.objects.count() == 1
