"""Demo: the finished "The same needs" ad, and an invented live ad part-funded by generated gifts.

"The same needs" tells the source's facts: 1030 cm², nearly 3,000 donors (counted in 2022, before this
site: imported totals), published on 8 April 2022 in Algemeen Dagblad, de Volkskrant, Trouw and Parool.
Its deadline and the picture of the printed ad are illustrative.

The example campaign's ad is open, so the giving flow can be tried with the demo payment page. Its
gifts are fictional (first names from a short list, addresses at example.org), paid through the demo
provider over the last three weeks; a few donors chose their own squares, a few asked to be named
(most names approved, some waiting for moderation).
"""

import datetime
import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from campaigns.demo import EXAMPLE_SLUG
from campaigns.models import CampaignPage
from website.demo_images import placeholder_image
from website.seeding import DEMO_FIRST_NAMES

from . import canvas
from .area import UNITS_PER_CM2, units_for_amount
from .models import AdLedger, AdStatus, CellClaim, Donation, DonationAd, Hold, HoldStatus, NameStatus

FUNDED_SHARE = 0.62
GIFTS_EUR = [(2, 30), (3, 14), (5, 22), (10, 20), (20, 9), (50, 4), (100, 1)]  # (euros, weight)
SAME_NEEDS_DONORS = 2900  # the source says "nearly 3,000"


def ad_values(t):
    """The same needs, as it ended: funded and published."""
    return {
        "title": t("Doneer een vierkante centimeter", "Donate a square centimetre"),
        "intro": t(
            "Oekraïne, Syrië, Jemen: niet elke vluchteling wordt even hartelijk ontvangen. Met deze advertentie lieten "
            "we samen zien dat iedere vluchteling bescherming verdient. Elke vierkante centimeter werd betaald door "
            "iemand die dat vond.",
            "Ukraine, Syria, Yemen: not every refugee gets an equally warm welcome. With this advertisement we showed "
            "together that every refugee deserves protection. Every square centimetre was paid for by someone who "
            "agreed.",
        ),
        "width_cm": 26,
        "height_cm": 40,
        "total_area_cm2": 1030,
        "price_per_cm2": Decimal("10.00"),
        "minimum_gift": Decimal("2.00"),
        "deadline": timezone.make_aware(datetime.datetime(2022, 4, 4, 12), datetime.UTC),
        "publication": t(
            "Algemeen Dagblad, de Volkskrant, Trouw en Parool",
            "Algemeen Dagblad, de Volkskrant, Trouw and Parool",
        ),
        "publication_date": datetime.date(2022, 4, 8),
        "if_sold_out": t(
            "Was de advertentie vol voor de deadline, dan stopten we met inzamelen.",
            "Had the ad been full before the deadline, we would have stopped collecting.",
        ),
        "if_deadline_passes": t(
            "Was de advertentie op de deadline niet vol, dan verscheen hij toch, met onze eigen oproep in de lege "
            "ruimte.",
            "Had the ad not been full on the deadline, it would have appeared anyway, with our own call in the "
            "empty space.",
        ),
        "status": AdStatus.PUBLISHED,
        "printed_image": placeholder_image(
            "The same needs: the printed ad (illustrative)", seed="printed-ad-same-needs", size=(1040, 1600)
        ),
        "imported_donors": SAME_NEEDS_DONORS,
        "imported_area_cm2": 1030,
        "imported_source": t(
            "de campagne van 2022, geteld door VluchtelingenWerk Nederland: ‘bijna 3.000 mensen’, hier afgerond",
            "the 2022 campaign, counted by VluchtelingenWerk Nederland: ‘nearly 3,000 people’, rounded here",
        ),
    }


def example_ad_values(t):
    """The invented live campaign's ad: open for gifts for another month."""
    now = timezone.now()
    deadline = (now + datetime.timedelta(days=30)).replace(hour=12, minute=0, second=0, microsecond=0)
    return {
        "title": t("Voorbeeldadvertentie: een veilige plek voor iedereen", "Example ad: a safe place for everyone"),
        "intro": t(
            "Een verzonnen advertentie voor de demo: kies een vierkante centimeter en betaal op de demobetaalpagina. "
            "Er wordt niets echt betaald.",
            "An invented ad for the demo: choose a square centimetre and pay on the demo payment page. Nothing is "
            "really paid.",
        ),
        "width_cm": 26,
        "height_cm": 40,
        "total_area_cm2": 1030,
        "price_per_cm2": Decimal("10.00"),
        "minimum_gift": Decimal("2.00"),
        "deadline": deadline,
        "publication": t("een landelijke krant (voorbeeld)", "a national newspaper (example)"),
        "publication_date": (deadline + datetime.timedelta(days=7)).date(),
        "if_sold_out": t(
            "Is de advertentie vol voor de deadline? Dan stoppen we met inzamelen. Een betaling die daarna nog "
            "binnenkomt, betaalt mee aan een plaatsing in een tweede krant.",
            "Is the ad full before the deadline? Then we stop collecting. A payment that still arrives after that "
            "helps pay for the ad in a second paper.",
        ),
        "if_deadline_passes": t(
            "Is de advertentie op de deadline niet vol? Dan verschijnt hij toch, met alle namen; de lege ruimte vullen "
            "wij met onze eigen oproep.",
            "Is the ad not full on the deadline? It appears anyway, with every name; we fill the empty space with our "
            "own call.",
        ),
        "status": AdStatus.OPEN,
    }


def place(seeder, slug, ad):
    """Put the ad on the campaign page with this Dutch slug, once."""
    page = CampaignPage.objects.filter(locale=seeder.nl, slug=slug).first()
    block_available = "donation_ad" in CampaignPage._meta.get_field("body").stream_block.child_blocks
    if page and block_available and not any(block.block_type == "donation_ad" for block in page.body):
        # After a petition, if the page has one: sign first, then give.
        petitions = [i for i, block in enumerate(page.body) if block.block_type == "petition"]
        page.body.insert(petitions[-1] + 1 if petitions else 1, ("donation_ad", {"ad": ad}))
        seeder.republish(page)
        seeder.created += 1


def seed(seeder):
    ad = seeder.snippet(DonationAd, ad_values, {"title": ad_values(lambda nl, en: nl)["title"]})
    place(seeder, "gelijke-nood", ad)
    example = seeder.snippet(DonationAd, example_ad_values, {"title": example_ad_values(lambda nl, en: nl)["title"]})
    place(seeder, EXAMPLE_SLUG[0], example)
    if not Donation.objects.filter(ad_key=example.ad_key).exists():
        generate_donations(example)
        seeder.created += 1
    return ad


def generate_donations(ad, share=FUNDED_SHARE, seed=1030):
    rng = random.Random(seed)
    now = timezone.now()
    target = int(ad.total_units * share)
    amounts, weights = zip(*GIFTS_EUR, strict=True)
    # A few donors chose their own squares, near the end of the ad (well beyond the pool's front).
    chooser_cells = rng.sample(range(ad.total_area_cm2 - 160, ad.total_area_cm2), 40)
    holds, donations, claims = [], [], []
    funded = raised = index = 0
    while funded < target:
        index += 1
        language = "en" if rng.random() < 0.12 else "nl"
        cells = []
        if chooser_cells and rng.random() < 0.02:
            cells = [chooser_cells.pop() for _ in range(min(len(chooser_cells), rng.randint(1, 3)))]
            units, amount = len(cells) * UNITS_PER_CM2, len(cells) * ad.price_cents
        else:
            amount = rng.choices(amounts, weights)[0] * 100
            units = units_for_amount(amount, ad.price_cents)
        if funded + units > target:
            break
        roll = rng.random()
        name = rng.choice(DEMO_FIRST_NAMES) if roll < 0.09 else ""
        status = NameStatus.NONE if not name else (NameStatus.PENDING if roll < 0.012 else NameStatus.APPROVED)
        paid = now - datetime.timedelta(days=21 * rng.random() ** 1.4, minutes=rng.randint(0, 1440))
        token = uuid.UUID(int=rng.getrandbits(128), version=4)
        session = f"cs_demo_{token.hex}"
        hold = Hold(
            token=token,
            ad_key=ad.ad_key,
            units=units,
            cells=cells,
            amount_cents=amount,
            status=HoldStatus.PAID,
            email=f"donor{index}@example.org",
            email_normalised=f"donor{index}@example.org",
            display_name=name,
            language=language,
            provider="demo",
            checkout_session_id=session,
            created_at=paid - datetime.timedelta(minutes=3),
            expires_at=paid + datetime.timedelta(minutes=28),
            ended_at=paid,
        )
        holds.append(hold)
        donations.append(
            Donation(
                ad_key=ad.ad_key,
                hold=hold,
                checkout_session_id=session,
                payment_intent_id=f"pi_demo_{token.hex}",
                amount_cents=amount,
                units=units,
                credited_units=units,
                email=hold.email,
                email_normalised=hold.email_normalised,
                display_name=name,
                name_status=status,
                language=language,
                method=rng.choices(["ideal", "card", "bancontact"], [80, 17, 3])[0],
                paid_at=paid,
                receipt_sent_at=paid,
            )
        )
        claims.extend((cell, len(donations) - 1) for cell in cells)
        funded += units
        raised += amount
    with transaction.atomic():
        Hold.objects.bulk_create(holds, batch_size=1000)
        for donation in donations:
            donation.hold_id = donation.hold.pk
        Donation.objects.bulk_create(donations, batch_size=1000)
        CellClaim.objects.bulk_create(
            [CellClaim(ad_key=ad.ad_key, cell=cell, hold=holds[i], donation=donations[i]) for cell, i in claims]
        )
        AdLedger.objects.update_or_create(
            ad_key=ad.ad_key,
            defaults={
                "total_units": ad.total_units,
                "funded_units": funded,
                "held_units": 0,
                "donors": len(donations),
                "raised_cents": raised,
                "updated_at": now,
            },
        )
    canvas.invalidate(ad.ad_key)
    return len(donations)
