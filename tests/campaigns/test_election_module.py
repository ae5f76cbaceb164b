"""The election comparison as a campaign module: a teaser in the campaign page's language."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import CampaignPage
from elections.blocks import ElectionComparisonBlock
from website.caching import purge_all

CAMPAIGN = {"nl": "/nl/campagnes/kies-partij/", "en": "/en/campaigns/choose-a-side-campaign/"}


@pytest.fixture(scope="module")
def module_campaign(module_seeder, building, module_campaign_index, module_comparison_page):
    def build(t):
        return {
            "title": t("Kies partij", "Choose a side"),
            "slug": t("kies-partij", "choose-a-side-campaign"),
            "ask": t("Kies partij voor vluchtelingen", "Take the side of refugees"),
            "status": "closed",
            "start_date": datetime.date(2021, 2, 1),
            "body": [
                (
                    "election_comparison",
                    {"page": module_comparison_page, "intro": t("Zo kozen de partijen.", "How the parties chose.")},
                )
            ],
        }

    with building():
        return module_seeder.page(module_campaign_index, CampaignPage, build)


@pytest.fixture
def campaign(module_campaign, fresh):
    return fresh(module_campaign)


def teaser(client, language):
    purge_all()
    response = client.get(CAMPAIGN[language])
    assert response.status_code == 200
    html = response.content.decode()
    start = html.find('<section class="comparison-teaser"')
    return html[start : html.index("</section>", start)] if start >= 0 else None


@pytest.mark.parametrize(
    "language, texts, links",
    [
        (
            "nl",
            ["Verkiezing Testdorp", "Kies kant", "Zo kozen de partijen.", "Opvang", "Terugkeer", "Alfa Partij"],
            ['href="/nl/kies-kant/"', 'href="/nl/kies-kant/stemhulp/"', "Vergelijk de partijen", "Doe de stemhulp"],
        ),
        (
            "en",
            ["Testville election", "Choose a side", "How the parties chose.", "Reception", "Return", "Gamma Partij"],
            ['href="/en/choose-a-side/"', 'href="/en/choose-a-side/guide/"', "Compare the parties", "voting guide"],
        ),
    ],
)
def test_campaign_page_shows_the_comparison_in_its_language(client, campaign, language, texts, links):
    shown = teaser(client, language)
    assert shown is not None
    for text in texts + links:
        assert text in shown, text
    assert "Gezinshereniging" not in shown and "Family reunification" not in shown  # no position: not compared
    assert "3 " in shown  # parties compared


def test_the_english_campaign_leads_to_the_english_comparison_even_if_the_block_holds_the_dutch_page(
    client, campaign, module_comparison_page, english
):
    english_campaign = campaign.get_translation(english)
    english_campaign.body = [("election_comparison", {"page": module_comparison_page, "intro": ""})]
    english_campaign.save_revision().publish()
    shown = teaser(client, "en")
    assert 'href="/en/choose-a-side/"' in shown and "What do the parties want?" in shown


def test_an_unpublished_comparison_leaves_the_campaign_page_whole(client, campaign, comparison_page, english):
    comparison_page.get_translation(english).unpublish()
    assert 'href="/nl/kies-kant/"' in teaser(client, "en")  # the English copy is gone: the Dutch one shows
    comparison_page.unpublish()
    for language in CAMPAIGN:
        assert teaser(client, language) is None


def test_a_deleted_comparison_leaves_the_campaign_page_whole(client, campaign, comparison_page, english):
    comparison_page.get_translation(english).delete()
    comparison_page.delete()
    for language in CAMPAIGN:
        assert teaser(client, language) is None


# Five of them are the module's: the chosen page and its type, the election, its parties and its themes
# (the English page looks up its translation too).
@pytest.mark.parametrize("language, budget", [("nl", 19), ("en", 23)])
def test_campaign_page_with_a_comparison_renders_within_query_budget(
    client, campaign, language, budget, django_assert_max_num_queries
):
    client.get(CAMPAIGN[language])
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(budget):
        assert client.get(CAMPAIGN[language]).status_code == 200


def test_the_chooser_accepts_only_comparison_pages(campaign, comparison_page):
    chooser = ElectionComparisonBlock().child_blocks["page"]
    assert chooser.clean(comparison_page) == comparison_page
    with pytest.raises(ValidationError):
        chooser.clean(campaign)
    with pytest.raises(ValidationError):
        ElectionComparisonBlock().clean({"page": None, "intro": ""})


def test_deleting_the_comparison_turns_the_cached_campaign_page_over(client, campaign, comparison_page, english):
    from wagtail.actions.delete_page import DeletePageAction

    assert 'href="/nl/kies-kant/"' in teaser(client, "nl")
    assert client.get(CAMPAIGN["nl"]).status_code == 200  # now from the page cache
    DeletePageAction(comparison_page.get_translation(english)).execute(skip_permission_checks=True)
    DeletePageAction(comparison_page).execute(skip_permission_checks=True)
    assert "comparison-teaser" not in client.get(CAMPAIGN["nl"]).content.decode()
