"""Sign → share → give: counted share links, the donate ask, and what a gift's thank-you page asks next."""

from urllib.parse import parse_qs, urlsplit

import pytest

from coalitions.journey import donate_target
from coalitions.models import ShareClick
from website.models import SiteIdentity


def share_url(petition, channel, language="nl"):
    return f"/{language}/petitions/{petition.petition_key}/share/{channel}/"


def test_a_share_click_is_counted_per_petition_and_channel_and_sent_on_to_whatsapp(client, petition, campaign):
    response = client.get(share_url(petition, "whatsapp"))
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.netloc == "wa.me"
    assert parse_qs(target.query)["text"] == [f"Teken ook {campaign.get_full_url()}"]
    client.get(share_url(petition, "whatsapp"))
    client.get(share_url(petition, "bluesky"))
    assert dict(ShareClick.objects.values_list("channel", "clicks")) == {"whatsapp": 2, "bluesky": 1}
    assert "no-store" in response["Cache-Control"]  # every click reaches the counter


@pytest.mark.parametrize(
    ("channel", "host"),
    [("email", ""), ("x", "x.com"), ("bluesky", "bsky.app"), ("facebook", "www.facebook.com")],
)
def test_each_channel_leads_to_its_network(client, petition, campaign, channel, host):
    response = client.get(share_url(petition, channel, "en"))
    assert response.status_code == 302
    assert urlsplit(response["Location"]).netloc == host
    if channel == "email":
        assert response["Location"].startswith("mailto:?subject=Sign%20too")


@pytest.mark.parametrize("channel", ["myspace", "WHATSAPP", "donate%00", "x" * 200])
def test_an_unknown_channel_is_not_found_and_not_counted(client, petition, channel):
    assert client.get(share_url(petition, channel)).status_code == 404
    assert not ShareClick.objects.exists()


@pytest.mark.parametrize("key", ["nope", "00000000-0000-4000-8000-000000000000", "../../etc"])
def test_an_unknown_petition_is_not_found(client, db, key):
    assert client.get(f"/nl/petitions/{key}/share/whatsapp/").status_code == 404
    assert not ShareClick.objects.exists()


def test_the_share_link_keeps_nothing_about_the_visitor(client, petition):
    client.get(share_url(petition, "x"), HTTP_USER_AGENT="Secret/1.0", REMOTE_ADDR="10.1.2.3")
    (row,) = ShareClick.objects.values()
    assert set(row) == {"id", "petition_key", "channel", "day", "clicks"}


def test_the_donate_ask_goes_to_the_campaigns_open_ad_and_is_counted(client, petition, campaign):
    response = client.get(share_url(petition, "donate"))
    assert response["Location"] == f"{campaign.url}#donate"
    assert ShareClick.objects.get().channel == "donate"


def test_without_an_open_ad_the_donate_ask_goes_to_the_organisations_donate_link(campaign, ad, locales):
    ad.status = "closed"
    ad.save()
    SiteIdentity.objects.create(locale=locales["nl"], organisation_name="Org", donate_url="https://example.org/geef")
    campaign.refresh_from_db()
    assert donate_target(campaign) == "https://example.org/geef"


def test_with_nowhere_to_give_there_is_no_donate_ask(client, petition, campaign, ad):
    ad.status = "closed"
    ad.save()
    assert client.get(share_url(petition, "donate")).status_code == 404
    html = client.get(f"/nl/petitions/{petition.petition_key}/thanks/").content.decode()
    assert "share/whatsapp/" in html and "share/donate/" not in html


def test_the_thank_you_page_asks_to_share_and_to_give(client, petition, campaign):
    html = client.get(f"/en/petitions/{petition.petition_key}/thanks/").content.decode()
    assert f"/en/petitions/{petition.petition_key}/share/whatsapp/" in html
    assert f"/en/petitions/{petition.petition_key}/share/donate/" in html
    assert html.index("share/whatsapp/") < html.index("share/email/") < html.index("share/x/")


def render_gift_asks(rf, campaign, language="nl"):
    from django.template import Context, Template
    from django.utils import translation

    with translation.override(language):
        return Template("{% load journey_tags %}{% gift_asks campaign %}").render(
            Context({"request": rf.get("/"), "campaign": campaign})
        )


def test_after_a_gift_the_visitor_is_asked_to_share_the_campaign_and_sign_its_petition(rf, petition, campaign):
    html = render_gift_asks(rf, campaign)
    assert f"/nl/petitions/{petition.petition_key}/share/whatsapp/" in html  # counted for the campaign's petition
    assert f'href="{campaign.url}#petition-{petition.pk}"' in html
    assert "Teken ook de petitie" in html


def test_after_a_gift_on_a_campaign_without_an_open_petition_the_links_go_straight_to_the_networks(
    rf, petition, campaign
):
    from petitions.models import PetitionStatus

    petition.status = PetitionStatus.CLOSED
    petition.save()
    campaign.refresh_from_db()
    html = render_gift_asks(rf, campaign, "en")
    assert "https://wa.me/?text=" in html and "/share/" not in html
    assert "#petition-" not in html


def test_the_donate_page_of_the_site_identity_comes_before_its_link(campaign, ad, locales, home):
    ad.status = "closed"
    ad.save()
    SiteIdentity.objects.create(
        locale=locales["nl"], organisation_name="Org", donate_page=home, donate_url="https://example.org/geef"
    )
    campaign.refresh_from_db()
    from django.utils import translation

    with translation.override("nl"):
        assert donate_target(campaign) == home.url


def test_one_visitor_clicking_again_and_again_counts_a_few_times_but_is_still_sent_on(client, petition, campaign):
    from coalitions.views import CLICKS_PER_VISITOR

    for _ in range(CLICKS_PER_VISITOR + 5):
        assert client.get(share_url(petition, "x")).status_code == 302
    assert ShareClick.objects.get().clicks == CLICKS_PER_VISITOR
