"""Partner opt-ins are personal data: anonymisation and erasure remove them, an access request shows them."""

import pytest
from django.utils import timezone

from coalitions.consent import current_partner_consent
from coalitions.models import PartnerOptIn
from petitions.models import Signature, SignatureStatus
from petitions.privacy import anonymise_signatures, erase_person, export_person


@pytest.fixture
def signer(new_signature, partners):
    signature = new_signature("Ada", status=SignatureStatus.CONFIRMED, confirmed_at=timezone.now())
    for partner in partners:
        PartnerOptIn.objects.create(
            signature=signature, partner_key=partner.partner_key, consent=current_partner_consent(partner)
        )
    return signature


def test_anonymising_signatures_deletes_their_opt_ins(signer, new_signature, partners):
    other = new_signature("Bo")
    PartnerOptIn.objects.create(
        signature=other, partner_key=partners[0].partner_key, consent=current_partner_consent(partners[0])
    )
    assert anonymise_signatures(Signature.objects.filter(pk=signer.pk)) == 1
    assert list(PartnerOptIn.objects.values_list("signature__name", flat=True)) == ["Bo"]


def test_erasing_a_person_removes_their_opt_ins(signer):
    assert erase_person("ada@example.org") == 1
    assert not PartnerOptIn.objects.exists()
    assert Signature.objects.get().name == "—"


def test_erasing_a_pending_signer_deletes_the_opt_ins_with_the_signature(new_signature, partners):
    pending = new_signature("Cas")
    PartnerOptIn.objects.create(
        signature=pending, partner_key=partners[0].partner_key, consent=current_partner_consent(partners[0])
    )
    erase_person("cas@example.org")
    assert not Signature.objects.exists() and not PartnerOptIn.objects.exists()


def test_an_access_request_lists_the_opt_ins_with_the_text_accepted(signer):
    (record,) = export_person("ada@example.org")
    first, second = record["partner_opt_ins"].split("; ")
    assert first.startswith("Vluchtelingenwerk Voorbeeld (v1, ")
    assert first.endswith("“Ja, Vluchtelingenwerk Voorbeeld mag mij mailen.”)")
    assert second.startswith("Kinderrechten Voorbeeld (v1, ")


def test_the_staff_privacy_screen_shows_the_opt_ins(client, signer, admin_user):
    client.force_login(admin_user)
    response = client.post("/admin/petitions/privacy/", {"email": "ada@example.org"})
    assert response.status_code == 200
    assert "Ja, Kinderrechten Voorbeeld mag mij mailen." in response.content.decode()


def test_deleting_a_partner_in_every_language_deletes_its_opt_ins_and_its_permission(signer, partners, english):
    from django.contrib.auth.models import Permission

    codename = partners[0].export_codename
    partners[0].get_translation(english).delete()
    assert PartnerOptIn.objects.filter(partner_key=partners[0].partner_key).count() == 1  # the Dutch copy remains
    partners[0].delete()
    assert list(PartnerOptIn.objects.values_list("partner_key", flat=True)) == [partners[1].partner_key]
    assert not Permission.objects.filter(codename=codename).exists()
