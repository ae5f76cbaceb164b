import pytest

from website.caching import purge_all


def titles(response):
    return [campaign.title for campaign in response.context["page_obj"]]


def test_active_campaigns_come_first_then_the_most_recent(client, campaigns):
    assert titles(client.get("/nl/campagnes/")) == ["500 kinderen", "Grens bereikt", "Gelijke nood"]


def test_index_renders_in_english(client, campaigns):
    assert titles(client.get("/en/campaigns/")) == ["500 children", "Border reached", "The same needs"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"year": "2022"}, ["Grens bereikt", "Gelijke nood"]),
        ({"status": "won"}, ["Gelijke nood"]),
        ({"year": "2022", "status": "closed"}, ["Grens bereikt"]),
    ],
)
def test_index_filters_by_year_and_status(client, campaigns, query, expected):
    assert titles(client.get("/nl/campagnes/", query)) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"year": "1850"},
        {"year": "abc"},
        {"year": "9" * 400},
        {"status": "lost"},
        {"status": "<b>x</b>"},
        {"page": "99999"},
        {"page": "x"},
    ],
)
def test_garbage_filters_show_all_campaigns_with_a_notice(client, campaigns, query):
    response = client.get("/nl/campagnes/", query)
    assert response.status_code == 200
    assert len(titles(response)) == 3
    if "page" not in query:
        assert response.context["notices"]
    assert "<b>x</b>" not in response.content.decode()


@pytest.mark.parametrize("year", ["\u00b2", "\u0662\u0660\u0662\u0662", "2022\u00b2"])
def test_unicode_digits_in_the_year_are_ignored_with_a_notice(client, campaigns, year):
    # str.isdigit() accepts "²" and Arabic-Indic digits; int() and the database do not.
    response = client.get("/nl/campagnes/", {"year": year})
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert response.context["notices"] == [f"Er zijn geen campagnes uit “{year}”; dat filter is genegeerd."]


def test_a_page_that_does_not_exist_shows_the_first_page_with_a_notice(client, campaigns, monkeypatch):
    from campaigns.models import CampaignIndexPage

    monkeypatch.setattr(CampaignIndexPage, "per_page", 2)
    response = client.get("/nl/campagnes/", {"status": "closed", "page": "2"})
    assert titles(response) == ["Grens bereikt"]
    assert response.context["notices"] == ["Er is geen pagina “2”; dit is de eerste pagina."]
    response = client.get("/nl/campagnes/", {"page": "2"})
    assert titles(response) == ["Gelijke nood"] and not response.context["notices"]


# Two of them list the election comparisons kept under the index (their page and its view restrictions).
@pytest.mark.parametrize("path, budget", [("/nl/campagnes/", 18), ("/en/campaigns/", 20)])
def test_campaign_index_renders_within_query_budget(client, campaigns, path, budget, django_assert_max_num_queries):
    client.get(path)
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200
