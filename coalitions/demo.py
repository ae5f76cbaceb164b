"""Demo: #500kinderen's coalition. The campaign was run with VluchtelingenWerk Nederland and Defence for
Children (../shared/seeds); each gets a partner entry on the petition with an opt-in of its own, and some of
the demo's fictional signers opted in, so the partner export has rows to show."""

import random

from campaigns.models import CampaignPage
from petitions.models import Signature, SignatureStatus
from projects.models import PartnerOrganisation

from .consent import current_partner_consent
from .models import CoalitionPartner, PartnerOptIn

ORGANISATIONS = [
    (
        "VluchtelingenWerk Nederland",
        "https://www.vluchtelingenwerk.nl",
        "Komt op voor de rechten van vluchtelingen in Nederland en begeleidt hen bij het opbouwen van een nieuw leven.",
        "Stands up for the rights of refugees in the Netherlands and supports them in building a new life.",
        "Ja, VluchtelingenWerk Nederland mag mij per e-mail op de hoogte houden van deze en andere campagnes.",
        "Yes, VluchtelingenWerk Nederland may keep me informed by email about this and other campaigns.",
    ),
    (
        "Defence for Children",
        "https://www.defenceforchildren.nl",
        "Komt op voor de rechten van kinderen in Nederland en wereldwijd.",
        "Stands up for the rights of children in the Netherlands and around the world.",
        "Ja, Defence for Children mag mij per e-mail op de hoogte houden van haar werk voor kinderrechten.",
        "Yes, Defence for Children may keep me informed by email about its work for children's rights.",
    ),
]
OPT_IN_SHARE = 0.2


def children_petition(seeder):
    """The petition on the #500kinderen campaign page, or None when the page carries none."""
    page = CampaignPage.objects.filter(locale=seeder.nl, slug="500kinderen").first()
    for block in page.body if page else []:
        if block.block_type == "petition" and block.value.get("petition") is not None:
            return block.value["petition"]
    return None


def seed(seeder):
    petition = children_petition(seeder)
    if petition is None:
        return
    for order, (name, website, about_nl, about_en, opt_in_nl, opt_in_en) in enumerate(ORGANISATIONS):
        organisation = seeder.snippet(
            PartnerOrganisation,
            lambda t, name=name, website=website, about=(about_nl, about_en): {
                "name": name,
                "country": "NL",
                "website": website,
                "description": t(*about),
            },
            {"name": name},
        )
        partner = seeder.snippet(
            CoalitionPartner,
            lambda t, organisation=organisation, order=order, opt_in=(opt_in_nl, opt_in_en): {
                "petition": petition,
                "organisation": organisation,
                "opt_in_text": t(*opt_in),
                "sort_order": order,
            },
            {"petition": petition, "organisation": organisation},
        )
        if not PartnerOptIn.objects.filter(partner_key=partner.partner_key).exists():
            seeder.created += generate_opt_ins(partner, seeder)


def generate_opt_ins(partner, seeder):
    """Some of the petition's confirmed demo signers, each with the opt-in text of their language; returns how many
    (none when the demo petition's signatures are an imported count only)."""
    consent = {
        "nl": current_partner_consent(partner),
        "en": current_partner_consent(partner.get_translation(seeder.en)),
    }
    rng = random.Random(f"opt-ins-{partner.organisation.name}")
    signatures = Signature.objects.filter(
        petition_key=partner.petition.petition_key, status=SignatureStatus.CONFIRMED, anonymised_at__isnull=True
    ).values_list("pk", "language", "confirmed_at")
    created = PartnerOptIn.objects.bulk_create(
        [
            PartnerOptIn(
                signature_id=pk,
                partner_key=partner.partner_key,
                consent=consent.get(language, consent["nl"]),
                created_at=confirmed_at,
            )
            for pk, language, confirmed_at in signatures.iterator()
            if rng.random() < OPT_IN_SHARE and confirmed_at
        ],
        batch_size=1000,
    )
    return len(created)
