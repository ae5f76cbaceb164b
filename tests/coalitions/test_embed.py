"""The embeddable counters: framable by any site (these views only), no cookies, no inline code, both languages."""

import pytest
from django.test import override_settings


def embed_url(petition, language="nl"):
    return f"/{language}/petitions/{petition.petition_key}/embed/"


def test_the_petition_counter_may_be_framed_by_any_site(client, petition):
    response = client.get(embed_url(petition))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_every_other_page_keeps_its_frame_protection(client, petition, campaign):
    for url in (campaign.url, f"/nl/petitions/{petition.petition_key}/thanks/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY" or response["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_the_counter_sets_no_cookie_and_carries_no_inline_style_or_script(client, petition):
    response = client.get(embed_url(petition))
    html = response.content.decode()
    assert not response.cookies
    assert "style=" not in html and "<style" not in html and "<script" not in html
    assert "Set-Cookie" not in str(response.items())


@pytest.mark.parametrize(("language", "words"), [("nl", "handtekeningen"), ("en", "signatures")])
def test_the_counter_speaks_both_languages(client, petition, campaign, new_signature, language, words):
    html = client.get(embed_url(petition, language)).content.decode()
    assert f'<html lang="{language}">' in html
    assert words in html
    assert f"/{language}/" in html.split("embed__button")[1].split(">")[0]  # links to the campaign in that language


def test_the_counter_shows_the_public_count_and_goal(client, petition):
    from petitions.models import PetitionCount

    PetitionCount.objects.create(petition_key=petition.petition_key, confirmed=640, paper=2)
    html = client.get(embed_url(petition, "en")).content.decode()
    assert '<progress class="embed__bar" max="1000" value="642"' in html
    assert "642" in html


@pytest.mark.parametrize("key", ["nope", "00000000-0000-4000-8000-000000000000", "%00"])
def test_an_unknown_petition_or_ad_has_no_counter(client, db, key):
    assert client.get(f"/nl/petitions/{key}/embed/").status_code == 404
    assert client.get(f"/nl/donations/{key}/embed/").status_code == 404


def test_a_post_to_the_counter_is_refused(client, petition):
    assert client.post(embed_url(petition)).status_code == 405


@pytest.mark.parametrize(("language", "words"), [("nl", "donateurs"), ("en", "donors")])
def test_the_ad_counter_may_be_framed_and_speaks_both_languages(client, ad, language, words):
    response = client.get(f"/{language}/donations/{ad.ad_key}/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response and "frame-ancestors *" in response["Content-Security-Policy"]
    assert not response.cookies
    assert words in response.content.decode()


@override_settings(LANGUAGE_CODE="nl")
def test_the_counter_is_shared_by_the_page_cache(client, petition, django_assert_num_queries):
    first = client.get(embed_url(petition))
    assert "public" in first["Cache-Control"]
    with django_assert_num_queries(0):
        assert client.get(embed_url(petition)).content == first.content
