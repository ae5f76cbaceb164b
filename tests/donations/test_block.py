import pytest
from django.test import RequestFactory
from django.utils import translation

from donations.blocks import DonationAdBlock
from donations.models import DonationAd

from .conftest import hold_for

pytestmark = pytest.mark.django_db


def render(ad, language="nl"):
    block = DonationAdBlock()
    with translation.override(language):
        return block.render(block.to_python({"ad": ad.pk}), context={"request": RequestFactory().get("/")})


def test_the_block_shows_the_ad_counters_canvas_policy_and_form(ad):
    html = render(ad)
    assert 'id="donate"' in html and "Gelijke nood" in html
    assert 'data-counter="funded"' in html and 'data-counter="days"' in html
    assert 'viewBox="-0.15 -0.15 10.3 11.3"' in html  # the printed ad's proportions
    assert "Extra giften betalen een tweede krant." in html and "De advertentie verschijnt toch." in html
    assert f'action="/nl/donations/{ad.ad_key}/give/"' in html
    assert f'data-canvas-url="/donations/{ad.ad_key}/canvas.json"' in html
    assert "€\xa050" in html  # the 5 cm² preset with its price


def test_the_block_carries_no_per_visitor_data(ad):
    html = render(ad)
    assert "csrfmiddlewaretoken" not in html


def test_the_english_block_uses_the_english_copy_and_posts_to_the_same_ad(english_ad, ad):
    html = render(english_ad, "en")
    assert "The same needs" in html and "Extra gifts fund a second paper." in html
    assert f'action="/en/donations/{ad.ad_key}/give/"' in html


def test_a_sold_out_ad_shows_no_form(small_ad):
    hold_for(small_ad, cm2=5)
    html = render(small_ad)
    assert "data-gift-form" not in html and "data-closed-notice" in html


def test_a_closed_ad_shows_no_form(ad):
    DonationAd.objects.filter(translation_key=ad.ad_key).update(status="funded")
    ad.refresh_from_db()
    assert "data-gift-form" not in render(ad)


def test_the_canvas_marks_cells_not_for_sale_and_keeps_svg_numbers_unlocalised(ad):
    from .test_canvas import donate

    donate(ad, cm2=0.5)
    html = render(ad)
    assert 'class="cell--x"' in html
    assert '<g data-names class="cell-named">' in html  # the named cells take their style from their group
    assert 'y="0.5"' in html and 'y="0,5"' not in html


def test_a_campaign_page_with_the_ad_is_cacheable_and_within_its_query_budget(
    client, seeder, home, ad, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from campaigns.models import CampaignIndexPage
    from tests.campaigns.conftest import make_campaign

    def index(t):
        return {"title": t("Campagnes", "Campaigns"), "slug": t("campagnes", "campaigns")}

    with django_capture_on_commit_callbacks(execute=True):
        parent = seeder.page(home, CampaignIndexPage, index)
    make_campaign(
        seeder,
        parent,
        django_capture_on_commit_callbacks,
        nl="Gelijke nood",
        en="The same needs",
        slug="gelijke-nood",
        status="active",
        start=ad.deadline.date(),
        body=lambda t: [("donation_ad", {"ad": ad})],
    )
    response = client.get("/nl/campagnes/gelijke-nood/")
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert 'id="donate"' in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    with django_assert_max_num_queries(30):
        client.get("/nl/campagnes/gelijke-nood/?x=1")  # a query string bypasses the page cache
