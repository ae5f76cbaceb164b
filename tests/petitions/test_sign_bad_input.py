"""Signing with odd input that a browser, a proxy or a bot may send: never a 500, never a refused signer."""

import pytest

from petitions.models import Signature
from tests.campaigns.conftest import make_campaign

from .test_signing import form_data, sign_url

# The pages and the petition are built once for this module (see `module_db` in tests/conftest.py).


@pytest.fixture(scope="module")
def module_campaign_index(module_seeder, building, module_home):
    from campaigns.models import CampaignIndexPage

    def build(t):
        return {"title": t("Campagnes", "Campaigns"), "slug": t("campagnes", "campaigns")}

    with building():
        return module_seeder.page(module_home, CampaignIndexPage, build)


@pytest.fixture(scope="module")
def module_campaign(module_seeder, building, module_campaign_index, module_petition):
    def body(t):
        return [("petition", {"petition": module_petition, "show_tracker": False})]

    return make_campaign(
        module_seeder,
        module_campaign_index,
        lambda execute: building(),
        nl="Kinderen",
        en="Children",
        slug="kinderen",
        status="active",
        start=module_petition.opens_at.date(),
        body=body,
    )


@pytest.fixture
def petition(module_petition, module_campaign, fresh):
    return fresh(module_petition)


@pytest.mark.parametrize(
    "form_ms", ["1" + "0" * 400, "abc", "-5", "1.5", "１２０００", "²", "12000\x00", " " * 3 + "x"]
)
def test_a_garbled_form_timing_is_dropped_and_flagged_never_refused(client, petition, form_ms):
    response = client.post(sign_url(petition), form_data(petition, form_ms=form_ms))
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.form_seconds is None
    assert "timing" in signature.suspect_reasons.split(",")


def test_a_missing_timing_is_not_a_signal(client, petition):
    assert client.post(sign_url(petition), form_data(petition, form_ms="")).status_code == 302
    signature = Signature.objects.get()
    assert (signature.form_seconds, signature.suspect_reasons) == (None, "")


def test_a_plausible_timing_is_kept(client, petition):
    client.post(sign_url(petition), form_data(petition, form_ms="9876543210"))
    signature = Signature.objects.get()
    assert signature.form_seconds == 9876543.21 and signature.suspect_reasons == ""


@pytest.mark.parametrize("header", ["not-an-ip", "999.1.1.1", "", "203.0.113.9, nonsense", "fe80::1%eth0", "\x00"])
def test_a_forwarded_for_header_that_is_not_an_ip_falls_back_to_the_socket_address(client, petition, settings, header):
    settings.NUM_PROXIES = 1
    response = client.post(sign_url(petition), form_data(petition), headers={"X-Forwarded-For": header})
    assert response.status_code == 302
    assert Signature.objects.get().ip_address == "127.0.0.1"


def test_the_address_our_proxy_forwarded_is_kept(client, petition, settings):
    settings.NUM_PROXIES = 1
    client.post(sign_url(petition), form_data(petition), headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.9"})
    assert Signature.objects.get().ip_address == "203.0.113.9"


@pytest.mark.parametrize(
    "language, campaign_url", [("nl", "/nl/campagnes/kinderen/"), ("en", "/en/campaigns/kinderen-en/")]
)
def test_reloading_the_sign_url_goes_back_to_the_form(client, petition, language, campaign_url):
    response = client.get(sign_url(petition, language))
    assert response.status_code == 302
    assert response["Location"].startswith(campaign_url + "#petition-")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert f'id="{response["Location"].split("#")[1]}"' in page.content.decode()
    assert not Signature.objects.exists()
