"""Demo: a donate page in both languages, earmarked for the example campaign, and the site identity's
donate page, so that the "give" ask after signing points to it, and the site identity's ANBI data (the
yearly statements print it). Gifts are made through the demo provider."""

from campaigns.demo import EXAMPLE_SLUG
from campaigns.models import CampaignPage
from website.models import HomePage, SiteIdentity

from .models import DonatePage

SLUG = ("doneer", "donate")
# The statements' ANBI data. The RSIN is made up: nine digits that fail the RSIN's eleven-test.
LEGAL_NAME = "Stichting VluchtelingenWerk Nederland"
DEMO_RSIN = "123456789"


def page_values(t, earmark=None):
    return {
        "title": t("Doneer", "Donate"),
        "slug": t(*SLUG),
        "intro": t(
            "Met een gift, eenmalig of elke maand, help je vluchtelingen aan advies, bescherming en een eerlijke "
            "kans. Dit is een demo: er wordt niets echt betaald.",
            "With a gift, once or every month, you help refugees to advice, protection and a fair chance. This is "
            "a demo: nothing is really paid.",
        ),
        "suggested_amounts": "5, 10, 25, 50",
        "minimum_amount": 2,
        "maximum_amount": 10000,
        "default_frequency": "monthly",
        "earmark": earmark,
        "thanks_text": t(
            "Dankzij giften als die van jou kunnen wij onafhankelijk blijven.",
            "Thanks to gifts like yours we can stay independent.",
        ),
    }


def seed(seeder):
    home = HomePage.objects.filter(locale=seeder.nl, depth=2).first()
    if home is None:
        return None
    earmark = CampaignPage.objects.filter(locale=seeder.nl, slug=EXAMPLE_SLUG[0]).first()
    page = seeder.page(home, DonatePage, lambda t: page_values(t, earmark))
    for identity in SiteIdentity.objects.filter(donate_page__isnull=True):
        identity.donate_page = page.get_translation_or_none(identity.locale) or page
        identity.save(update_fields=["donate_page"])
        seeder.created += 1
    for identity in SiteIdentity.objects.filter(rsin=""):
        identity.legal_name = identity.legal_name or LEGAL_NAME
        identity.rsin = DEMO_RSIN
        identity.save(update_fields=["legal_name", "rsin"])
        seeder.created += 1
    return page
