"""Demo: "The same needs" ad (1030 cm² in four papers) on its campaign page, part-funded by generated gifts.

The gifts are fictional (first names from a short list, addresses at example.org), paid through the
demo provider over the last three weeks; a few donors chose their own squares, a few asked to be
named (most names approved, some waiting for moderation). The ad is open in the demo, so the giving
flow can be tried with the demo payment page.
"""

import datetime
import random
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from campaigns.models import CampaignPage
from website.seeding import DEMO_FIRST_NAMES

from . import canvas
from .area import UNITS_PER_CM2, units_for_amount
from .models import AdLedger, AdStatus, CellClaim, Donation, DonationAd, Hold, HoldStatus, NameStatus

FUNDED_SHARE = 0.62
GIFTS_EUR = [(2, 30), (3, 14), (5, 22), (10, 20), (20, 9), (50, 4), (100, 1)]  # (euros, weight)


def ad_values(t):
    now = timezone.now()
    deadline = (now + datetime.timedelta(days=30)).replace(hour=12, minute=0, second=0, microsecond=0)
    return {
        "title": t("Doneer een vierkante centimeter", "Donate a square centimetre"),
        "intro": t(
            "Oekraïne, Syrië, Jemen: niet elke vluchteling wordt even hartelijk ontvangen. Met deze advertentie laten "
            "we samen zien dat iedere vluchteling bescherming verdient. Elke vierkante centimeter betaal je mee.",
            "Ukraine, Syria, Yemen: not every refugee gets an equally warm welcome. With this advertisement we show "
            "together that every refugee deserves protection. You pay for it square centimetre by square centimetre.",
        ),
        "width_cm": 26,
        "height_cm": 40,
        "total_area_cm2": 1030,
        "price_per_cm2": Decimal("10.00"),
        "minimum_gift": Decimal("2.00"),
        "deadline": deadline,
        "publication": t(
            "Algemeen Dagblad, de Volkskrant, Trouw en Het Parool, op één dag",
            "Algemeen Dagblad, de Volkskrant, Trouw and Het Parool, on the same day",
        ),
        "publication_date": (deadline + datetime.timedelta(days=7)).date(),
        "if_sold_out": t(
            "Is de advertentie vol voor de deadline? Dan stoppen we met inzamelen. Een betaling die daarna nog "
            "binnenkomt, betaalt mee aan een plaatsing in een vijfde krant.",
            "Is the ad full before the deadline? Then we stop collecting. A payment that still arrives after that "
            "helps pay for the ad in a fifth paper.",
        ),
        "if_deadline_passes": t(
            "Is de advertentie op de deadline niet vol? Dan verschijnt hij toch, met alle namen; de lege ruimte vullen "
            "wij met onze eigen oproep.",
            "Is the ad not full on the deadline? It appears anyway, with every name; we fill the empty space with our "
            "own call.",
        ),
        "status": AdStatus.OPEN,
    }


def seed(seeder):
    ad = seeder.snippet(DonationAd, ad_values, {"title": ad_values(lambda nl, en: nl)["title"]})
    page = CampaignPage.objects.filter(locale=seeder.nl, slug="gelijke-nood").first()
    block_available = "donation_ad" in CampaignPage._meta.get_field("body").stream_block.child_blocks
    if page and block_available and not any(block.block_type == "donation_ad" for block in page.body):
        page.body.insert(1, ("donation_ad", {"ad": ad}))
        seeder.republish(page)
        seeder.created += 1
    if not Donation.objects.filter(ad_key=ad.ad_key).exists():
        generate_donations(ad)
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
