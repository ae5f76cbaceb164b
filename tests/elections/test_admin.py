import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from elections.models import Correction, Election, Party, Position, Statement, Theme


@pytest.mark.parametrize("model", [Election, Party, Theme, Position, Statement])
def test_snippet_listing_and_edit_views_work(admin_client, positions, statements, model):
    obj = model.objects.filter(locale__language_code="nl").first()
    assert admin_client.get(reverse(model.snippet_viewset.get_url_name("list"))).status_code == 200
    assert admin_client.get(AdminURLFinder().get_edit_url(obj)).status_code == 200


def test_comparison_page_editor_opens(admin_client, comparison_page):
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[comparison_page.pk])).status_code == 200


def position_form(position, **changes):
    values = {
        "election": position.election_id,
        "party": position.party_id,
        "theme": position.theme_id,
        "stance": position.stance,
        "summary": position.summary,
        "quote": position.quote,
        "quote_language": position.quote_language,
        "quote_translation": position.quote_translation,
        "page_number": position.page_number or "",
        "source_url": position.source_url,
        "assessment": position.assessment,
        "corrections": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(values)


def test_changing_a_stance_without_a_correction_is_refused(admin_client, positions):
    position = positions[("AP", "opvang")]
    response = admin_client.post(AdminURLFinder().get_edit_url(position), position_form(position, stance="mixed"))
    assert response.status_code == 200  # the form again, with the error
    assert "stance" in response.context["form"].errors
    position.refresh_from_db()
    assert position.stance == "much_more"


def test_changing_a_stance_with_a_correction_records_the_previous_one(admin_client, positions, english):
    position = positions[("AP", "opvang")]
    correction = {
        "made_on": "2026-03-01",
        "reaction_from": "Alfa Partij",
        "note": "Na hun reactie.",
        "previous_stance": "",
    }
    response = admin_client.post(
        AdminURLFinder().get_edit_url(position),
        position_form(position, stance="mixed", corrections=inline_formset([correction])),
    )
    assert response.status_code == 302
    saved = Correction.objects.get(position=position)
    assert saved.previous_stance == "much_more"
    # Facts reach the translation at once (after_edit_snippet hook).
    assert position.get_translation(english).stance == "mixed"


def test_fixing_a_typo_in_the_summary_needs_no_correction(admin_client, positions):
    position = positions[("AP", "opvang")]
    response = admin_client.post(
        AdminURLFinder().get_edit_url(position), position_form(position, summary="Samenvatting, verbeterd.")
    )
    assert response.status_code == 302


def test_positions_hang_off_the_default_languages_party(positions, parties, english):
    position = positions[("AP", "opvang")]
    position.party = parties["AP"].get_translation(english)
    with pytest.raises(ValidationError) as raised:
        position.full_clean()
    assert "party" in raised.value.message_dict


def test_a_quote_is_needed_unless_the_programme_says_nothing(positions):
    position = positions[("AP", "opvang")]
    position.quote = ""
    with pytest.raises(ValidationError):
        position.full_clean()
    position.stance = "not_addressed"
    position.full_clean()


def test_editors_and_campaign_staff_may_edit_elections_data(db):
    for name in ["Editors", "Campaign staff"]:
        codenames = set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="elections")
            .values_list("codename", flat=True)
        )
        assert {"add_position", "change_position", "change_statement", "view_party"} <= codenames


def test_elections_menu_offers_import_and_checks(admin_client):
    content = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("election_import:index") in content and reverse("guide_checks:index") in content
