import pytest
from django.core.cache import cache
from django.utils import translation

from elections.models import ElectionComparisonPage, Party, Position, Stance

from .conftest import PAGE_EN, PAGE_NL, position_values


def html(response):
    return response.content.decode()


def test_overview_is_a_table_of_themes_and_parties_with_stances_in_words(client, comparison_page):
    response = client.get(PAGE_NL)
    assert response.status_code == 200
    content = html(response)
    assert "<caption" in content and 'scope="col"' in content and 'scope="row"' in content
    assert 'role="region"' in content and 'tabindex="0"' in content
    matrix = response.context["matrix"]
    assert [theme.slug for theme, _cells in matrix] == ["opvang", "terugkeer"]
    assert [party.abbreviation for party in response.context["data"].parties] == ["AP", "BP", "CP"]
    # Every stance has words and a symbol; colour is never the only cue.
    with translation.override("nl"):
        assert f'<span class="stance__label">{Stance.MUCH_MORE.label}</span>' in content
    assert 'class="stance__symbol" aria-hidden="true">++<' in content


def test_a_theme_without_a_position_is_marked_not_assessed(client, comparison_page):
    cells = dict((theme.slug, cells) for theme, cells in client.get(PAGE_NL).context["matrix"])
    assert cells["terugkeer"][2] is None  # Gamma Partij has no position on return


def test_english_page_shows_english_texts_and_the_same_stances(client, comparison_page, english_page):
    response = client.get(PAGE_EN)
    assert response.status_code == 200
    content = html(response)
    assert "Reception" in content and "Return" in content
    assert "Summary." in html(client.get(PAGE_EN + "?party=ap"))
    dutch = {
        (position.party.abbreviation, position.theme.slug): position.stance
        for position in Position.objects.filter(locale__language_code="nl")
    }
    shown = {
        (party.abbreviation, theme.slug): position.stance
        for theme, cells in response.context["matrix"]
        for party, position in zip(response.context["data"].parties, cells, strict=True)
        if position
    }
    assert shown == dutch


def test_quotes_stay_verbatim_and_the_translation_is_marked_as_ours(client, comparison_page, english_page):
    content = html(client.get(PAGE_EN + "?party=ap"))
    assert '<blockquote lang="nl"><p>Iedereen welkom in Testdorp.</p></blockquote>' in content
    assert "Everyone welcome in Testville." in content
    assert "Our translation" in content
    dutch = html(client.get(PAGE_NL + "?party=ap"))
    assert "Everyone welcome in Testville." not in dutch


def test_quote_is_synchronised_not_translated(positions, english):
    position = positions[("AP", "opvang")]
    translated = position.get_translation(english)
    assert translated.quote == position.quote == "Iedereen welkom in Testdorp."
    assert translated.quote_translation == "Everyone welcome in Testville."
    assert translated.party_id == position.party_id  # structure points at the default language's party


def test_corrections_are_shown_with_their_date_and_who_reacted(client, comparison_page, english_page):
    content = html(client.get(PAGE_EN + "?theme=opvang"))
    assert "Updated on 1 February 2026 after a reaction from Beta Partij" in content
    assert "The party pointed us to page 3." in content


@pytest.mark.parametrize(
    "query, view",
    [
        ("", "overview"),
        ("?parties=ap,bp", "compare"),
        ("?parties=ap,bp,cp", "compare"),
        ("?theme=opvang", "theme"),
        ("?party=bp", "party"),
        ("?theme=terugkeer&parties=ap,cp", "theme"),
    ],
)
def test_every_view_has_its_own_url(client, comparison_page, query, view):
    response = client.get(PAGE_NL + query)
    assert response.status_code == 200
    assert response.context["view"] == view


def test_compare_view_shows_the_chosen_parties_in_the_given_order(client, comparison_page):
    response = client.get(PAGE_NL + "?parties=cp,ap")
    assert [party.abbreviation for party in response.context["chosen_parties"]] == ["CP", "AP"]
    assert "Iedereen welkom in Testdorp." in html(response)


def test_theme_view_can_be_limited_to_chosen_parties(client, comparison_page):
    rows = client.get(PAGE_NL + "?theme=opvang&parties=bp").context["rows"]
    assert [party.abbreviation for party, _position in rows] == ["BP"]


def test_checkboxes_redirect_to_the_shareable_comma_form(client, comparison_page):
    response = client.get(PAGE_NL + "?parties=ap&parties=bp&theme=opvang")
    assert response.status_code == 302
    assert response["Location"] == PAGE_NL + "?parties=ap,bp&theme=opvang"


@pytest.mark.parametrize(
    "query",
    [
        "?parties=zz",
        "?parties=ap,zz",
        "?theme=atlantis",
        "?party=zz",
        "?party=%3Cscript%3Ealert(1)%3C/script%3E",
        "?parties=" + "x" * 5000,
        "?parties=" + ",".join(["ap"] * 500),
        "?parties=,,,",
        "?theme=&party=",
        "?parties=ap,bp,cp,ap,bp,zz,yy,xx,ww,vv,uu,tt",
    ],
)
def test_bad_url_state_gives_a_normal_page_never_an_error(client, comparison_page, query):
    response = client.get(PAGE_NL + query)
    assert response.status_code == 200
    assert "<script>alert" not in html(response)


def test_unknown_values_are_ignored_with_a_notice(client, comparison_page):
    response = client.get(PAGE_NL + "?parties=ap,zz,bp&theme=atlantis")
    assert [party.key for party in response.context["chosen_parties"]] == ["ap", "bp"]
    notices = " ".join(response.context["notices"])
    assert "zz" in notices and "atlantis" in notices
    assert response.context["view"] == "compare"


def test_more_than_four_parties_shows_the_first_four_with_a_notice(client, comparison_page, make, election, themes):
    for abbreviation in ["DP", "EP"]:
        party = make(
            Party, lambda t, a=abbreviation: {"name": f"Partij {a}", "abbreviation": a}, {"abbreviation": abbreviation}
        )
        make(
            Position,
            position_values(election, party, themes["opvang"], "mixed", "Citaat.", "Quote."),
            {"election": election, "party": party},
        )
    response = client.get(PAGE_NL + "?parties=ep,dp,cp,bp,ap")
    assert [party.key for party in response.context["chosen_parties"]] == ["ep", "dp", "cp", "bp"]
    assert any("four" in notice or "4" in notice for notice in response.context["notices"])


def test_one_party_asks_for_a_second_one(client, comparison_page):
    response = client.get(PAGE_NL + "?parties=ap")
    assert response.status_code == 200
    assert response.context["notices"]


# Cache -----------------------------------------------------------------------------------------


def test_second_visit_is_served_from_the_page_cache_without_queries(client, comparison_page, django_assert_num_queries):
    first = client.get(PAGE_NL)
    assert "s-maxage" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get(PAGE_NL)
    assert second.content == first.content


@pytest.mark.parametrize(
    "path, budget", [(PAGE_NL, 18), (PAGE_EN, 23), (PAGE_EN + "?parties=ap,bp", 23), (PAGE_EN + "?party=bp", 23)]
)
def test_comparison_renders_within_its_query_budget(
    client, comparison_page, english_page, path, budget, django_assert_max_num_queries
):
    client.get(path)
    cache.clear()
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200


def test_queries_do_not_grow_with_the_number_of_parties(client, comparison_page, make, election, themes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(PAGE_EN)
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        client.get(PAGE_EN)
    for abbreviation in ["DP", "EP", "FP"]:
        party = make(
            Party, lambda t, a=abbreviation: {"name": f"Partij {a}", "abbreviation": a}, {"abbreviation": abbreviation}
        )
        for theme in themes.values():
            make(
                Position,
                position_values(election, party, theme, "less", "Citaat.", "Quote."),
                {"election": election, "party": party, "theme": theme},
            )
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        client.get(PAGE_EN)
    assert len(after) == len(before)


def test_publishing_the_page_purges_the_cache(client, comparison_page):
    client.get(PAGE_NL)
    page = ElectionComparisonPage.objects.get(pk=comparison_page.pk)
    page.intro = "Een nieuwe inleiding."
    page.save_revision().publish()
    assert "Een nieuwe inleiding." in html(client.get(PAGE_NL))


def test_saving_a_position_purges_the_cache(client, comparison_page, positions):
    client.get(PAGE_NL)
    position = positions[("AP", "opvang")]
    position.summary = "Een herziene samenvatting."
    position.save()
    assert "Een herziene samenvatting." in html(client.get(PAGE_NL + "?party=ap"))
    assert client.get(PAGE_NL).context is not None  # rendered again, not from the cache


def test_views_with_a_query_string_are_not_put_in_the_page_cache(client, comparison_page):
    response = client.get(PAGE_NL + "?party=ap")
    assert "s-maxage" not in response.get("Cache-Control", "")
