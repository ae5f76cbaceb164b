"""A campaign page can carry a donate form (the giving app's donate block), in the page's language."""

import datetime

from giving.models import DonatePage
from tests.campaigns.conftest import make_campaign
from tests.giving.conftest import page_values


def test_a_campaign_page_carries_the_donate_pages_form_in_its_language(
    client, seeder, module_home, campaign_index, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        donate = seeder.page(module_home, DonatePage, page_values)
    make_campaign(
        seeder,
        campaign_index,
        django_capture_on_commit_callbacks,
        nl="Geven",
        en="Giving",
        slug="geven",
        status="active",
        start=datetime.date(2026, 1, 1),
        body=lambda t: [("donate", {"heading": t("Geef maandelijks", "Give monthly"), "text": "", "page": donate})],
    )
    dutch = client.get("/nl/campagnes/geven/").content.decode()
    assert f'action="/nl/giving/{donate.pk}/give/"' in dutch and "Geef maandelijks" in dutch
    english_page = client.get("/en/campaigns/geven-en/").content.decode()
    assert f'action="/en/giving/{donate.get_translation(english).pk}/give/"' in english_page
    assert "Give monthly" in english_page
