"""A campaign's life: live or finished, and every module follows it (petition, ad), in both languages.

One petition and one ad sit on a live and on a finished campaign (built once for the module); a test
that needs a handed-over petition or a published ad changes them inside its own savepoint.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from campaigns.models import CampaignPage, CampaignStatus
from donations.models import AdStatus, DonationAd
from petitions import counting
from petitions.models import Petition, PetitionStatus, Signature
from tests.campaigns.conftest import make_campaign
from tests.donations.conftest import ad_values
from tests.petitions.conftest import petition_values
from website.demo_images import placeholder_image

PAGES = {
    "live": {"nl": "/nl/campagnes/lopend/", "en": "/en/campaigns/lopend-en/"},
    "finished": {"nl": "/nl/campagnes/afgelopen/", "en": "/en/campaigns/afgelopen-en/"},
}


@pytest.fixture(scope="module")
def module_modules(module_seeder, building):
    with building():
        petition = module_seeder.snippet(Petition, petition_values, {"title": "Haal 500 kinderen hierheen"})
    with building():
        ad = module_seeder.snippet(DonationAd, ad_values, {"title": "Gelijke nood"})
    return {"petition": petition, "ad": ad}


@pytest.fixture(scope="module")
def module_life(module_seeder, building, module_campaign_index, module_modules):
    def capture(execute):  # what make_campaign expects from django_capture_on_commit_callbacks
        return building()

    def body(t):
        return [
            ("petition", {"petition": module_modules["petition"], "show_tracker": False}),
            ("donation_ad", {"ad": module_modules["ad"]}),
        ]

    pages = {}
    for key, slug, status in [("live", "lopend", "active"), ("finished", "afgelopen", "closed")]:
        pages[key] = make_campaign(
            module_seeder,
            module_campaign_index,
            capture,
            nl=f"Campagne {slug}",
            en=f"Campaign {slug}",
            slug=slug,
            status=status,
            start=datetime.date(2024, 1, 1),
            body=body,
        )
    return {**pages, **module_modules}


@pytest.fixture
def life(module_life, fresh):
    return fresh(module_life)


def hand_over(petition, **extra):
    values = {
        "status": PetitionStatus.HANDED_OVER,
        "handed_over_on": datetime.date(2020, 6, 2),
        "handed_over_to": "de Tweede Kamer",
        "imported_count": 21000,
        "imported_count_source": "2020, geteld door VluchtelingenWerk",
        **extra,
    }
    Petition.objects.filter(translation_key=petition.translation_key).update(**values)
    counting.update_counts()


def publish(ad, **extra):
    values = {
        "status": AdStatus.PUBLISHED,
        "publication_date": datetime.date(2022, 4, 8),
        "imported_donors": 2900,
        "imported_area_cm2": ad.total_area_cm2,
        "imported_source": "campagne 2022",
        **extra,
    }
    DonationAd.objects.filter(translation_key=ad.translation_key).update(**values)


# The campaign's own state -------------------------------------------------------------------------------


def test_a_campaign_is_live_only_while_active(db):  # a new Page looks up its content type
    assert not CampaignPage(status=CampaignStatus.ACTIVE).is_finished
    assert CampaignPage(status=CampaignStatus.CLOSED).is_finished
    assert CampaignPage(status=CampaignStatus.WON).is_finished


@pytest.mark.parametrize(("language", "live", "finished"), [("nl", "Lopend", "Afgelopen"), ("en", "Live", "Finished")])
def test_the_page_says_whether_the_campaign_is_live_or_finished(client, life, language, live, finished):
    live_page = client.get(PAGES["live"][language]).content.decode()
    finished_page = client.get(PAGES["finished"][language]).content.decode()
    assert f'status--active">{live}<' in live_page and "campaign__finished" not in live_page
    assert f'status--closed">{finished}<' in finished_page and "campaign__finished" in finished_page


# A live campaign takes signatures and gifts ------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_live_campaign_shows_the_sign_form_and_the_gift_form(client, life, language):
    html = client.get(PAGES["live"][language]).content.decode()
    assert 'class="petition-form' in html and "data-gift-form" in html
    assert "petition__result" not in html and "donation-ad__body--finished" not in html


# A finished campaign never shows an open ask -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "notice"),
    [
        ("nl", "Deze campagne is afgelopen: de petitie neemt geen handtekeningen meer aan."),
        ("en", "This campaign has finished: the petition no longer takes signatures."),
    ],
)
def test_a_finished_campaign_shows_no_form_even_when_its_modules_were_left_open(client, life, language, notice):
    assert life["petition"].is_open() and life["ad"].accepts_gifts()
    html = client.get(PAGES["finished"][language]).content.decode()
    assert 'class="petition-form' not in html and "data-gift-form" not in html
    assert "petition__result" in html and "donation-ad__body--finished" in html
    assert notice in html


def test_a_handed_over_petition_shows_its_final_count_source_and_handover(client, life):
    photo = placeholder_image("Overhandiging (test)", seed="handover-test", size=(320, 180))
    hand_over(life["petition"], handover_image_id=photo.pk)
    dutch = client.get(PAGES["live"]["nl"]).content.decode()
    english = client.get(PAGES["live"]["en"]).content.decode()
    for html in (dutch, english):
        assert 'class="petition-form' not in html and "petition__handover" in html and "<img" in html
    assert "21.000" in dutch and "Overhandigd op 2 juni 2020 aan de Tweede Kamer." in dutch
    assert (
        "Inclusief 21.000 handtekeningen die vóór deze site zijn geteld (2020, geteld door VluchtelingenWerk)" in dutch
    )
    assert "21,000" in english and "Handed over on 2 June 2020 to de Tweede Kamer." in english


def test_the_imported_count_adds_to_the_public_total_and_count_json(client, life):
    hand_over(life["petition"])
    key = life["petition"].petition_key
    assert counting.get_count(key)["total"] == 21000
    data = client.get(f"/petitions/{key}/count.json").json()
    assert data["count"] == 21000 and data["imported"] == 21000 and data["confirmed"] == 0


def test_clearing_the_imported_count_takes_it_off_the_total(life):
    hand_over(life["petition"])
    Petition.objects.filter(translation_key=life["petition"].translation_key).update(
        imported_count=0, imported_count_source=""
    )
    counting.update_counts()
    assert counting.get_count(life["petition"].petition_key)["total"] == 0


def test_a_published_ad_shows_its_result_and_no_gift_form(client, life):
    publish(life["ad"])
    dutch = client.get(PAGES["live"]["nl"]).content.decode()
    english = client.get(PAGES["live"]["en"]).content.decode()
    for html in (dutch, english):
        assert "data-gift-form" not in html and "donation-ad__body--finished" in html
    assert "2.900" in dutch and "Verschenen in:" in dutch and "8 april 2022" in dutch
    assert "2,900" in english and "Published in:" in english and "8 April 2022" in english
    assert "campagne 2022" in dutch


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_gift_endpoint_of_a_finished_ad_refuses_with_a_message(client, life, language):
    publish(life["ad"])
    url = f"/{language}/donations/{life['ad'].ad_key}/give/"
    response = client.post(url, {"choice": "5", "email": "donor@example.org", "consent": "on"})
    assert response.status_code == 409
    assert ("Voor deze advertentie kun je niet meer geven" if language == "nl" else "no longer accepts gifts") in (
        response.content.decode()
    )
    page = client.get(url)
    assert page.status_code == 200 and "data-gift-form" not in page.content.decode()


# Bad input for the new fields ---------------------------------------------------------------------------


def errors_of(obj):
    with pytest.raises(ValidationError) as raised:
        obj.clean()
    return raised.value.message_dict


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"imported_count": 500, "imported_count_source": " "}, "imported_count_source"),
        ({"imported_count": 0, "imported_count_source": "2020"}, "imported_count"),
        ({"handed_over_on": timezone.localdate() + datetime.timedelta(days=1)}, "handed_over_on"),
        ({"status": PetitionStatus.HANDED_OVER, "handed_over_to": "de Kamer"}, "handed_over_on"),
        ({"status": PetitionStatus.HANDED_OVER, "handed_over_on": datetime.date(2020, 1, 1)}, "handed_over_to"),
    ],
)
def test_the_petition_refuses_incomplete_imported_counts_and_handovers(life, changes, field):
    petition = life["petition"]
    for name, value in changes.items():
        setattr(petition, name, value)
    assert field in errors_of(petition)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"imported_area_cm2": 10, "imported_source": "2022"}, "imported_area_cm2"),  # the ad is still open
        ({"status": AdStatus.FUNDED, "imported_area_cm2": 10_000, "imported_source": "2022"}, "imported_area_cm2"),
        ({"imported_donors": 12, "imported_source": ""}, "imported_source"),
        ({"imported_source": "2022"}, "imported_donors"),
    ],
)
def test_the_ad_refuses_impossible_or_unsourced_imported_totals(life, changes, field):
    ad = life["ad"]
    for name, value in changes.items():
        setattr(ad, name, value)
    assert field in errors_of(ad)


def test_complete_imported_totals_are_accepted(life):
    petition, ad = life["petition"], life["ad"]
    petition.imported_count, petition.imported_count_source = 21000, "2020"
    petition.clean()
    ad.status, ad.imported_donors, ad.imported_area_cm2, ad.imported_source = AdStatus.FUNDED, 2900, 105, "2022"
    ad.clean()


# Staff see the imported totals labelled with their source ---------------------------------------------


def test_the_petition_dashboard_labels_the_imported_count(client, life):
    from tests.petitions.test_admin import dashboard_url, login

    hand_over(life["petition"])
    login(client, "Campaign staff")
    content = client.get(dashboard_url(life["petition"])).content.decode()
    assert "Imported (counted before this site)" in content and "2020, geteld door VluchtelingenWerk" in content


def test_the_ad_dashboard_labels_the_imported_totals(client, life):
    from tests.donations.test_admin import login

    publish(life["ad"])
    login(client, "Campaign staff")
    content = client.get(f"/admin/donations/{life['ad'].ad_key}/").content.decode()
    assert "Imported (counted before this site)" in content
    assert "2900 donors and 105 cm² (campagne 2022), added to the public figures only" in content


# The editors' forms reject the same bad input, and save nothing --------------------------------------


def admin_form(obj, user, **changes):
    """The snippet's admin form for `obj`, bound to its current values with `changes` applied."""
    from wagtail.admin.panels import get_edit_handler

    form_class = get_edit_handler(type(obj)).get_form_class()
    unbound = form_class(instance=obj, for_user=user)
    data = {}
    for name in unbound.fields:
        value = unbound[name].value()
        if isinstance(value, datetime.datetime):
            value = value.strftime("%Y-%m-%d %H:%M")  # the form gives it in the local time already
        if value is True:
            value = "on"
        if value not in (None, False, ""):  # an empty rich text field would not parse as the editor's JSON
            data[name] = value
    data.update(changes)
    return form_class(data, instance=obj, for_user=user)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"imported_count": "-5"}, "imported_count"),
        ({"imported_count": "lots"}, "imported_count"),
        ({"imported_count": "500"}, "imported_count_source"),
        ({"handed_over_on": "31-31-2020"}, "handed_over_on"),
        ({"handed_over_on": "2999-01-01"}, "handed_over_on"),
        ({"status": "handed_over"}, "handed_over_on"),
        ({"handover_image": "999999"}, "handover_image"),
    ],
)
def test_the_petition_form_rejects_bad_imported_counts_and_handovers(life, admin_user, changes, field):
    form = admin_form(life["petition"], admin_user, **changes)
    assert not form.is_valid() and field in form.errors
    assert Petition.objects.get(pk=life["petition"].pk).imported_count == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"imported_donors": "-1", "imported_source": "2022"}, "imported_donors"),
        ({"imported_donors": "many", "imported_source": "2022"}, "imported_donors"),
        ({"imported_area_cm2": "10", "imported_source": "2022"}, "imported_area_cm2"),
        ({"imported_donors": "12"}, "imported_source"),
    ],
)
def test_the_ad_form_rejects_bad_imported_totals(life, admin_user, changes, field):
    form = admin_form(life["ad"], admin_user, **changes)
    assert not form.is_valid() and field in form.errors
    assert DonationAd.objects.get(pk=life["ad"].pk).imported_donors == 0


def test_the_petition_form_accepts_a_complete_handover(life, admin_user):
    form = admin_form(
        life["petition"],
        admin_user,
        status="handed_over",
        handed_over_on="2020-06-02",
        handed_over_to="de Tweede Kamer",
        imported_count="21000",
        imported_count_source="2020",
    )
    assert form.is_valid(), form.errors


# An ad left open on a campaign that has finished takes no gifts either --------------------------------


@pytest.fixture
def ad_on_finished_only(seeder, campaign_index, django_capture_on_commit_callbacks):
    def values(t):
        return ad_values(t, title=t("Alleen afgelopen", "Finished only"))

    with django_capture_on_commit_callbacks(execute=True):
        ad = seeder.snippet(DonationAd, values, {"title": "Alleen afgelopen"})
    make_campaign(
        seeder,
        campaign_index,
        django_capture_on_commit_callbacks,
        nl="Voorbij",
        en="Over",
        slug="voorbij",
        status="won",
        start=datetime.date(2022, 3, 1),
        body=lambda t: [("donation_ad", {"ad": ad})],
    )
    return ad


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_gift_endpoint_refuses_an_open_ad_shown_only_on_a_finished_campaign(client, ad_on_finished_only, language):
    ad = ad_on_finished_only
    assert ad.accepts_gifts()
    url = f"/{language}/donations/{ad.ad_key}/give/"
    response = client.post(url, {"choice": "5", "email": "donor@example.org", "consent": "on"})
    assert response.status_code == 409
    page = client.get(url).content.decode()
    assert "data-gift-form" not in page and "donation-ad__body--finished" in page


def test_an_open_ad_also_on_a_live_campaign_still_takes_gifts(client, life):
    url = f"/nl/donations/{life['ad'].ad_key}/give/"
    assert "data-gift-form" in client.get(url).content.decode()


def test_cleared_imported_numbers_are_stored_as_none_imported(life, admin_user):
    petition_form = admin_form(life["petition"], admin_user, imported_count="")
    assert petition_form.is_valid(), petition_form.errors
    assert petition_form.save().imported_count == 0
    ad_form = admin_form(life["ad"], admin_user, imported_donors="", imported_area_cm2="")
    assert ad_form.is_valid(), ad_form.errors
    saved = ad_form.save()
    assert (saved.imported_donors, saved.imported_area_cm2) == (0, 0)


@pytest.fixture
def petition_on_finished_only(seeder, campaign_index, django_capture_on_commit_callbacks):
    def values(t):
        return {**petition_values(t), "title": t("Alleen afgelopen", "Finished only")}

    with django_capture_on_commit_callbacks(execute=True):
        petition = seeder.snippet(Petition, values, {"title": "Alleen afgelopen"})
    make_campaign(
        seeder,
        campaign_index,
        django_capture_on_commit_callbacks,
        nl="Voorbij",
        en="Over",
        slug="voorbij",
        status="closed",
        start=datetime.date(2020, 3, 1),
        body=lambda t: [("petition", {"petition": petition, "show_tracker": False})],
    )
    return petition


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_sign_endpoint_refuses_an_open_petition_shown_only_on_a_finished_campaign(
    client, petition_on_finished_only, language
):
    petition = petition_on_finished_only
    assert petition.is_open()
    response = client.post(
        f"/{language}/petitions/{petition.petition_key}/sign/",
        {"name": "Laat", "email": "laat@example.org", "consent": "on", "form_ms": "12000"},
    )
    assert response.status_code == 409
    assert "closed" in response.content.decode() or "gesloten" in response.content.decode()
    assert not Signature.objects.exists()
