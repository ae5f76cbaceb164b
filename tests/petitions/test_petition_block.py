import pytest
from django.core.cache import cache

from campaigns.models import CampaignPage
from petitions import lookups
from petitions.models import Petition, ResponseStatus, TargetResponse
from tests.campaigns.conftest import make_campaign
from website.caching import purge_all

# The pages and the petition are built once for this module (see `module_db` in tests/conftest.py).


@pytest.fixture(scope="module")
def module_campaign(module_seeder, building, module_campaign_index, module_petition):
    petition = module_petition

    def body(t):
        return [("petition", {"petition": petition, "show_tracker": True})]

    def capture(execute):  # what make_campaign expects from django_capture_on_commit_callbacks
        return building()

    return make_campaign(
        module_seeder,
        module_campaign_index,
        capture,
        nl="Kinderen",
        en="Children",
        slug="kinderen",
        status="active",
        start=petition.opens_at.date(),
        body=body,
    )


@pytest.fixture(scope="module")
def module_campaign_index(module_seeder, building, module_home):
    from campaigns.models import CampaignIndexPage

    def build(t):
        return {"title": t("Campagnes", "Campaigns"), "slug": t("campagnes", "campaigns")}

    with building():
        return module_seeder.page(module_home, CampaignIndexPage, build)


@pytest.fixture
def campaign(module_campaign, fresh):
    return fresh(module_campaign)


@pytest.fixture
def petition(module_petition, fresh):
    return fresh(module_petition)


def test_campaign_page_shows_the_petition_in_its_language(client, campaign):
    dutch = client.get("/nl/campagnes/kinderen/").content.decode()
    english = client.get("/en/campaigns/kinderen-en/").content.decode()
    assert "Haal 500 kinderen hierheen" in dutch and "Bring 500 children here" in english
    assert "Ik geef toestemming" in dutch and "I consent to my data being kept." in english


def test_both_languages_post_to_the_same_petition(client, campaign, petition):
    english = client.get("/en/campaigns/kinderen-en/").content.decode()
    assert f'action="/en/petitions/{petition.petition_key}/sign/"' in english


def test_form_offers_consent_unticked_and_a_separate_newsletter_opt_in(client, campaign):
    html = client.get("/en/campaigns/kinderen-en/").content.decode()
    consent = html.split('name="consent"')[1].split(">")[0]
    newsletter = html.split('name="newsletter"')[1].split(">")[0]
    assert "checked" not in consent and "checked" not in newsletter
    assert "Keep me posted" in html


def test_tracker_counts_municipalities_that_said_yes(client, campaign, petition, amsterdam):
    TargetResponse.objects.create(
        petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.SAID_YES
    )
    html = client.get("/en/campaigns/kinderen-en/").content.decode()
    assert "1 of 342 municipalities said yes" in html
    assert 'class="tile-map' in html


def test_tracker_shows_the_response_note_in_the_page_language(client, campaign, petition, amsterdam):
    from petitions.responses import save_response

    save_response(
        TargetResponse(petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.SAID_YES),
        notes={"nl": "Motie aangenomen", "en": "Motion passed"},
    )
    english = client.get(f"/en/petitions/{petition.petition_key}/municipalities/").content.decode()
    dutch = client.get(f"/nl/petitions/{petition.petition_key}/municipalities/").content.decode()
    assert "Motion passed" in english and "Motie aangenomen" not in english
    assert "Motie aangenomen" in dutch and "Motion passed" not in dutch


def test_campaign_page_links_to_the_full_table_in_its_language(client, campaign, petition):
    for path, language in [("/nl/campagnes/kinderen/", "nl"), ("/en/campaigns/kinderen-en/", "en")]:
        html = client.get(path).content.decode()
        assert f'href="/{language}/petitions/{petition.petition_key}/municipalities/"' in html
        assert "<tbody>" not in html  # the 342 rows are on the table's own page


def test_the_table_page_lists_every_municipality_with_its_response(client, campaign, petition, amsterdam):
    TargetResponse.objects.create(
        petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.SAID_YES
    )
    response = client.get(f"/en/petitions/{petition.petition_key}/municipalities/")
    html = response.content.decode()
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert html.count('<th scope="row">') == 342
    assert "1 of 342 municipalities said yes" in html
    assert '<th scope="row">Amsterdam</th><td>Noord-Holland</td><td><span class="response response--said_yes">' in html
    assert 'data-table-filter="#tracker-table-' in html and "<caption" in html


@pytest.mark.parametrize("key", ["not-a-key", "00000000-0000-0000-0000-000000000000", "%3Cscript%3E"])
def test_the_table_page_of_an_unknown_petition_is_a_404(client, campaign, key):
    assert client.get(f"/nl/petitions/{key}/municipalities/").status_code == 404


def test_a_petition_without_targets_has_no_table_page(client, campaign, petition):
    Petition.objects.filter(translation_key=petition.translation_key).update(has_targets=False)
    lookups.clear_local()
    cache.clear()
    assert client.get(f"/nl/petitions/{petition.petition_key}/municipalities/").status_code == 404


def test_campaign_page_with_petition_renders_within_query_budget(client, campaign, django_assert_max_num_queries):
    client.get("/nl/campagnes/kinderen/")
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(16):
        client.get("/nl/campagnes/kinderen/")


def test_campaign_page_type_is_unchanged(campaign):
    assert isinstance(campaign, CampaignPage)


def test_a_render_from_kept_parts_shows_the_live_count_and_a_new_response(client, campaign, petition, amsterdam):
    """The tracker and the form are kept between renders (website.page_parts); the count is not, and a new
    response moves the content version on, so the next render shows both."""
    from petitions import counting
    from petitions.models import PetitionCount

    path = "/en/campaigns/kinderen-en/?from=test"  # a query string: the page cache never answers
    before = client.get(path).content.decode()
    assert "0 of 342 municipalities said yes" in before
    PetitionCount.objects.update_or_create(petition_key=petition.petition_key, defaults={"confirmed": 4321})
    cache.delete(counting.CACHE_KEY.format(petition.petition_key))
    TargetResponse.objects.create(
        petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.SAID_YES
    )
    after = client.get(path).content.decode()
    assert "1 of 342 municipalities said yes" in after and "4,321" in after


def test_a_render_from_kept_parts_costs_few_queries(client, campaign, django_assert_max_num_queries):
    client.get("/nl/campagnes/kinderen/?from=test")
    with django_assert_max_num_queries(1):  # at most the count, when its few seconds are up
        html = client.get("/nl/campagnes/kinderen/?from=test").content.decode()
    assert 'class="tile-map' in html and 'name="municipality"' in html


def test_a_saved_petition_shows_on_the_next_render(client, campaign, petition):
    """The block reads its petition once per content version (KeptSnippetChooserBlock); saving it moves that on."""
    path = "/nl/campagnes/kinderen/?from=test"
    client.get(path)
    petition.title = "Haal nu 500 kinderen hierheen"
    petition.save()
    assert "Haal nu 500 kinderen hierheen" in client.get(path).content.decode()
