"""Demo: the finished #500kinderen petition, and an invented live one with generated signatures.

#500kinderen tells the source's facts: more than 21,000 signatures, counted in 2020 before this site
(an imported count), handed over, more than half of the municipalities saying yes. Its handover date
and photo are illustrative. The example campaign's petition is open, so the signing flow can be
tried; its signatures are fictional (names from a short list, addresses at example.org), spread over
municipalities and the last two months, so the counter, tracker, map, chart and exports show something.
"""

import datetime
import random
import uuid

from django.utils import timezone
from wagtail.models import Locale

from campaigns.demo import EXAMPLE_SLUG
from campaigns.models import CampaignPage
from website.demo_images import placeholder_image
from website.seeding import DEMO_FIRST_NAMES

from . import counting
from .consent import current_consent
from .models import (
    Municipality,
    Petition,
    PetitionStatus,
    ResponseNote,
    ResponseStatus,
    Signature,
    SignatureStatus,
    TargetResponse,
)

SIGNATURES = 3000
LAST_NAMES = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Yilmaz",
    "El Amrani",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Kaya",
]


def petition_values(t):
    """#500kinderen, as it ended: handed over with the count from 2020 (the dates are illustrative)."""
    return {
        "title": t("Burgemeesters, bied 500 kinderen een veilige plek", "Mayors, give 500 children a safe place"),
        "demand": t(
            "Wij vragen elke burgemeester om in zijn of haar gemeente plaats te maken voor alleenreizende "
            "vluchtelingenkinderen uit de Griekse kampen.",
            "We ask every mayor to make room in their municipality for unaccompanied refugee children from the "
            "Greek camps.",
        ),
        "addressed_to": t("De burgemeesters van alle Nederlandse gemeenten", "The mayors of all Dutch municipalities"),
        "goal": 21000,
        "milestones": "1000, 5000, 10000",
        "opens_at": aware(datetime.datetime(2020, 1, 15, 9)),
        "closes_at": aware(datetime.datetime(2020, 6, 1, 9)),
        "status": PetitionStatus.HANDED_OVER,
        "imported_count": 21000,
        "imported_count_source": t(
            "2020, geteld door VluchtelingenWerk Nederland en Defence for Children; het werden er ruim 21.000",
            "2020, counted by VluchtelingenWerk Nederland and Defence for Children; it came to more than 21,000",
        ),
        "handed_over_on": datetime.date(2020, 6, 2),
        "handed_over_to": t(
            "de burgemeesters van Nederland (datum en foto ter illustratie)",
            "the mayors of the Netherlands (date and photo are illustrative)",
        ),
        "handover_image": placeholder_image("Handover: #500kinderen (illustrative)", seed="handover-500-children"),
        "thank_you_text": t(
            "Dank je wel. Hoe meer mensen tekenen, hoe meer gemeenten ja zeggen.",
            "Thank you. The more people sign, the more municipalities say yes.",
        ),
        "share_text": t("Ik teken voor #500kinderen. Teken jij ook?", "I signed for #500kinderen. Will you sign too?"),
        "consent_text": consent_text(t),
        "newsletter_text": t("Stuur mij ook de nieuwsbrief", "Also send me the newsletter"),
        "ask_municipality": True,
        "ask_comment": True,
        "has_targets": True,
    }


def consent_text(t):
    return t(
        "Ik geef VluchtelingenWerk Nederland toestemming om mijn naam, e-mailadres en gemeente te bewaren voor "
        "deze petitie. Mijn naam en woonplaats gaan mee naar de burgemeester; mijn e-mailadres niet. Na afloop "
        "worden mijn gegevens geanonimiseerd.",
        "I allow VluchtelingenWerk Nederland to keep my name, email address and municipality for this petition. "
        "My name and town go to the mayor; my email address does not. Afterwards my data are anonymised.",
    )


def example_petition_values(t):
    """The invented live campaign's petition: open, so the signing flow can be tried."""
    now = timezone.now()
    return {
        "title": t(
            "Voorbeeldpetitie: een veilige plek in elke gemeente",
            "Example petition: a safe place in every municipality",
        ),
        "demand": t(
            "Een verzonnen petitie voor de demo: wij vragen elke gemeenteraad om plaats te maken voor vluchtelingen "
            "die nu nog in noodopvang slapen.",
            "An invented petition for the demo: we ask every municipal council to make room for refugees who are "
            "still sleeping in emergency shelters.",
        ),
        "addressed_to": t("De gemeenteraden van Nederland", "The municipal councils of the Netherlands"),
        "goal": 5000,
        "milestones": "1000, 2500",
        "opens_at": now - datetime.timedelta(days=60),
        "closes_at": now + datetime.timedelta(days=60),
        "status": PetitionStatus.OPEN,
        "thank_you_text": t(
            "Dank je wel. Hoe meer mensen tekenen, hoe meer gemeenten ja zeggen.",
            "Thank you. The more people sign, the more municipalities say yes.",
        ),
        "share_text": t("Ik tekende de voorbeeldpetitie. Jij ook?", "I signed the example petition. Will you?"),
        "consent_text": consent_text(t),
        "newsletter_text": t("Stuur mij ook de nieuwsbrief", "Also send me the newsletter"),
        "ask_municipality": True,
        "ask_comment": True,
        "has_targets": True,
    }


def aware(moment):
    return timezone.make_aware(moment, datetime.UTC)


def place(seeder, slug, petition):
    """Put the petition on the campaign page with this Dutch slug, once."""
    page = CampaignPage.objects.filter(locale=seeder.nl, slug=slug).first()
    if page and not any(block.block_type == "petition" for block in page.body):
        page.body.insert(1, ("petition", {"petition": petition, "show_tracker": True}))
        seeder.republish(page)
        seeder.created += 1


def seed(seeder):
    petition = seeder.snippet(Petition, petition_values, {"title": petition_values(lambda nl, en: nl)["title"]})
    place(seeder, "500kinderen", petition)
    for copy in (petition, petition.get_translation(seeder.en)):
        current_consent(copy)  # the version its signers were shown, for staff tools that read it
    if not TargetResponse.objects.filter(petition_key=petition.petition_key).exists():
        generate_responses(petition)
        seeder.created += 1

    example = seeder.snippet(
        Petition, example_petition_values, {"title": example_petition_values(lambda nl, en: nl)["title"]}
    )
    place(seeder, EXAMPLE_SLUG[0], example)
    if not Signature.objects.filter(petition_key=example.petition_key).exists():
        generate_signatures(example, seeder)
        seeder.created += 1
    if not TargetResponse.objects.filter(petition_key=example.petition_key).exists():
        generate_responses(example, seed=2026, start=timezone.localdate() - datetime.timedelta(days=50), days=45)
        seeder.created += 1
    counting.update_counts()  # the imported count joins the public total
    return petition


def generate_signatures(petition, seeder, number=SIGNATURES):
    rng = random.Random(500)
    municipalities = list(Municipality.objects.filter(active=True))
    consent = {"nl": current_consent(petition), "en": current_consent(petition.get_translation(seeder.en))}
    now = timezone.now()
    rows = []
    for index in range(number):
        language = "en" if rng.random() < 0.12 else "nl"
        created = now - datetime.timedelta(days=59 * rng.random() ** 1.6, minutes=rng.randint(0, 1440))
        roll = rng.random()
        status = SignatureStatus.CONFIRMED if roll < 0.9 else SignatureStatus.PENDING
        name = f"{rng.choice(DEMO_FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        email = f"demo{index}@example.org"
        rows.append(
            Signature(
                petition_key=petition.petition_key,
                name=name,
                email=email,
                email_normalised=email,
                municipality=rng.choice(municipalities),
                language=language,
                consent=consent[language],
                status=status,
                created_at=created,
                confirmed_at=created + datetime.timedelta(minutes=5) if status == "confirmed" else None,
                newsletter_opt_in=rng.random() < 0.3,
                notify_on_response=rng.random() < 0.2,
                suspect_reasons="ip-burst" if rng.random() < 0.01 else "",
                ip_address=f"198.51.100.{rng.randint(1, 254)}",
                form_seconds=round(rng.uniform(8, 90), 1),
            )
        )
    Signature.objects.bulk_create(rows, batch_size=1000)
    counting.update_counts()


def generate_responses(petition, seed=2020, start=datetime.date(2020, 3, 1), days=120):
    """Over half of the municipalities said yes (as in the real campaign); the rest spread over the ladder."""
    rng = random.Random(seed)
    ladder = [
        (ResponseStatus.SAID_YES, 0.48),
        (ResponseStatus.ACTED, 0.06),
        (ResponseStatus.SAID_NO, 0.08),
        (ResponseStatus.DEBATED, 0.08),
        (ResponseStatus.MOTION_TABLED, 0.1),
        (ResponseStatus.NO_RESPONSE, 0.2),
    ]
    responses = []
    for municipality in Municipality.objects.filter(active=True):
        roll, status = rng.random(), ResponseStatus.NO_RESPONSE
        for candidate, share in ladder:
            if roll < share:
                status = candidate
                break
            roll -= share
        if status == ResponseStatus.NO_RESPONSE:
            continue
        responses.append(
            TargetResponse(
                petition_key=petition.petition_key,
                municipality=municipality,
                status=status,
                responded_on=start + datetime.timedelta(days=rng.randint(0, days)),
            )
        )
    TargetResponse.objects.bulk_create(responses)
    texts = {"nl": "Voorbeeldreactie (demo).", "en": "Example response (demo)."}
    locales = Locale.objects.filter(language_code__in=texts)
    notes = []
    for response in responses:
        key = uuid.uuid4()
        notes += [
            ResponseNote(response=response, locale=lc, translation_key=key, text=texts[lc.language_code])
            for lc in locales
        ]
    ResponseNote.objects.bulk_create(notes)
