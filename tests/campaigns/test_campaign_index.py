import pytest


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


@pytest.mark.parametrize("path, budget", [("/nl/campagnes/", 18), ("/en/campaigns/", 20)])
def test_campaign_index_renders_within_query_budget(client, campaigns, path, budget, django_assert_max_num_queries):
    client.get(path)
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200
