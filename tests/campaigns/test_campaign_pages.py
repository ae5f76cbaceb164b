import pytest

from campaigns.blocks import CampaignStreamBlock
from campaigns.models import CampaignIndexPage, CampaignPage
from website.blocks import BaseStreamBlock
from website.caching import purge_all
from website.sharing import share_links


def test_campaigns_live_under_a_campaign_index():
    assert CampaignPage.allowed_parent_page_models() == [CampaignIndexPage]


def test_campaign_body_offers_the_shared_blocks_and_campaign_modules():
    shared = set(BaseStreamBlock.base_blocks)
    campaign = set(CampaignStreamBlock.base_blocks)
    assert shared < campaign
    assert {"key_figures", "timeline", "share", "related_campaigns", "report_series"} <= campaign


@pytest.mark.parametrize(
    "path, texts",
    [
        (
            "/nl/campagnes/grens-bereikt/",
            ["Vraag Grens bereikt", "Tijdlijn", "Vertrek", "Verslag uit Lesbos.", "Griekenland", "Deel deze campagne"],
        ),
        (
            "/en/campaigns/grens-bereikt-en/",
            ["Ask Border reached", "Timeline", "Departure", "Report from Lesbos.", "Greece", "Share this campaign"],
        ),
    ],
)
def test_campaign_page_renders_every_module_in_both_languages(client, campaigns, path, texts):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert text in html, text


def test_report_series_lists_episodes_in_travel_order_with_a_route(client, campaigns):
    html = client.get("/en/campaigns/grens-bereikt-en/").content.decode()
    assert html.index("Report from Lampedusa.") < html.index("Report from Lesbos.")
    assert 'class="world-map__route"' in html


def test_share_links_are_plain_links_without_scripts(client, campaigns):
    html = client.get("/en/campaigns/grens-bereikt-en/").content.decode()
    assert "https://wa.me/?text=Read+the+reports+http%3A%2F%2F" in html
    assert "facebook.com/sharer/sharer.php?u=" in html
    assert "x.com/intent/post" in html and "linkedin.com/sharing" in html and "mailto:?subject=" in html
    assert '<script src="https://' not in html


def test_share_links_encode_the_text():
    links = dict((network, href) for network, _label, href in share_links("https://example.org/a?b=1", "Kom & teken"))
    assert links["whatsapp"] == "https://wa.me/?text=Kom+%26+teken+https%3A%2F%2Fexample.org%2Fa%3Fb%3D1"
    assert links["email"].startswith("mailto:?subject=Kom%20%26%20teken&body=")


def test_campaign_pages_carry_social_cards(client, campaigns):
    html = client.get("/nl/campagnes/grens-bereikt/").content.decode()
    assert '<meta property="og:title" content="Grens bereikt">' in html
    assert '<meta property="og:locale" content="nl_NL">' in html


@pytest.mark.parametrize(
    "path, budget", [("/nl/campagnes/grens-bereikt/", 14), ("/en/campaigns/grens-bereikt-en/", 16)]
)
def test_campaign_page_renders_within_query_budget(client, campaigns, path, budget, django_assert_max_num_queries):
    client.get(path)
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200
