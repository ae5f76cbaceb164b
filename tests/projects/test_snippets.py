import pytest
from django.contrib.auth import get_user_model

from projects.models import Funder, PartnerOrganisation


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("staff", "staff@example.org", "pw"))
    return client


def test_partner_and_funder_are_translated_with_wagtail_localize(partner, funder, english):
    assert partner.get_translation(english).description == "Partner in Serbia."
    assert funder.get_translation(english).name == "Matra fund"


def test_partner_country_is_named_in_the_page_language(partner):
    from django.utils import translation

    with translation.override("nl"):
        assert str(partner.country.name) == "Servië"
    with translation.override("en"):
        assert str(partner.country.name) == "Serbia"


@pytest.mark.parametrize("model", [PartnerOrganisation, Funder])
def test_snippet_listing_and_edit_views_work(admin_client, partner, funder, model):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    obj = model.objects.first()
    edit_url = AdminURLFinder().get_edit_url(obj)
    assert admin_client.get(edit_url).status_code == 200
    from django.urls import reverse

    listing = admin_client.get(reverse(model.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    assert str(obj) in listing.content.decode()


def test_partner_preview_renders(admin_client, partner):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    edit_url = AdminURLFinder().get_edit_url(partner)
    preview_url = edit_url.replace("/edit/", "/preview/")
    data = {
        "name": "Preview partner",
        "country": "RS",
        "website": "",
        "description": "Hello",
        "locale": partner.locale_id,
    }
    assert admin_client.post(preview_url, data).status_code == 200
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    assert "Preview partner" in response.content.decode()
