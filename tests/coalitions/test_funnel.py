"""Staff follow sign → confirm → share → give per campaign and petition; gifts are traced to a petition."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from coalitions.clicks import count_click
from coalitions.models import DonationOrigin
from donations.models import Donation
from petitions.models import SignatureStatus


def donation(ad, email, paid_at=None, amount_cents=2500):
    return Donation.objects.create(
        ad_key=ad.ad_key,
        checkout_session_id=f"cs_{email}",
        amount_cents=amount_cents,
        units=250,
        credited_units=250,
        email=email,
        email_normalised=email,
        language="nl",
        paid_at=paid_at or timezone.now(),
    )


def test_a_gift_by_someone_who_signed_recently_is_marked_as_coming_from_the_petition(petition, ad, new_signature):
    new_signature("Ada")
    gift = donation(ad, "ada@example.org")
    assert DonationOrigin.objects.get(donation=gift).petition_key == petition.petition_key


def test_a_gift_by_someone_who_never_signed_or_signed_long_ago_has_no_origin(petition, ad, new_signature):
    new_signature("Bo", created_at=timezone.now() - datetime.timedelta(days=90))
    donation(ad, "bo@example.org")
    donation(ad, "stranger@example.org")
    assert not DonationOrigin.objects.exists()


@pytest.fixture
def campaign_staff(db):
    user = User.objects.create_user("campaigner", "c@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_signature")
    )
    return user


def test_the_funnel_shows_signed_confirmed_shares_donate_clicks_and_gifts(
    client, campaign_staff, petition, campaign, ad, new_signature
):
    new_signature("Ada", status=SignatureStatus.CONFIRMED, confirmed_at=timezone.now())
    new_signature("Bo")
    for channel in ("whatsapp", "whatsapp", "email", "donate"):
        count_click(petition.petition_key, channel)
    donation(ad, "ada@example.org", amount_cents=1250)
    client.force_login(campaign_staff)
    html = client.get("/admin/petitions/funnel/").content.decode()
    row = html.split(petition.title)[1].split("</tr>")[0]
    figures = {
        name: row.split(f'data-funnel="{name}">')[1].split("<")[0]
        for name in ("signed", "confirmed", "shares", "donate", "gifts")
    }
    assert figures == {"signed": "2", "confirmed": "1", "shares": "3", "donate": "1", "gifts": "1 (€\xa012,50)"}
    assert campaign.title in html.split(petition.title)[0].rsplit("<tr>", 1)[1]
    per_campaign = html.split(f'data-campaign="{campaign.pk}">')[1].split("</tr>")[0]
    assert [cell.split("<")[0] for cell in per_campaign.split("<td>")[1:]] == [
        "Kinderen",
        "2",
        "1",
        "3",
        "1",
        "1 (€\xa012,50)",
    ]


def test_the_funnel_offers_an_embed_snippet_per_petition_and_ad_in_both_languages(client, campaign_staff, petition, ad):
    client.force_login(campaign_staff)
    html = client.get("/admin/petitions/funnel/").content.decode()
    for language in ("nl", "en"):
        assert f"/{language}/petitions/{petition.petition_key}/embed/" in html
        assert f"/{language}/donations/{ad.ad_key}/embed/" in html
    assert "&lt;iframe src=" in html  # shown as code to copy, inside a textarea


def test_the_funnel_is_refused_without_the_permission(client, staff):
    client.force_login(staff)
    assert client.get("/admin/petitions/funnel/").status_code == 403
