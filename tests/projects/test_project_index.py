import pytest

from website.caching import purge_all


def titles(response):
    return [project.title for project in response.context["page_obj"]]


def test_index_lists_current_projects_first(client, projects):
    shown = titles(client.get("/nl/projecten/"))
    assert shown[-1] == "Macedonië"
    assert set(shown) == {"Servië", "Kenia", "Macedonië"}


def test_index_renders_in_english(client, projects):
    response = client.get("/en/projects/")
    assert response.status_code == 200
    assert set(titles(response)) == {"Serbia", "Kenya", "Macedonia"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"country": "RS"}, {"Servië"}),
        ({"country": "rs"}, {"Servië"}),
        ({"region": "east-africa"}, {"Kenia"}),
        ({"status": "completed"}, {"Macedonië"}),
        ({"status": "current", "region": "western-balkans"}, {"Servië"}),
    ],
)
def test_index_filters_by_plain_get_parameters(client, projects, query, expected):
    assert set(titles(client.get("/nl/projecten/", query))) == expected


def test_index_filters_by_funder(client, projects, funder):
    assert titles(client.get("/nl/projecten/", {"funder": funder.pk})) == ["Servië"]


@pytest.mark.parametrize(
    "query",
    [
        {"country": "ZZ"},
        {"country": "<script>"},
        {"region": "atlantis"},
        {"status": "maybe"},
        {"funder": "999999"},
        {"funder": "abc"},
        {"country": "x" * 5000},
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, projects, query):
    response = client.get("/nl/projecten/", query)
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert response.context["notices"]
    assert "<script>" not in response.content.decode().split('role="status">')[1][:500]


@pytest.mark.parametrize("page", ["2", "999999", "abc", "-3", "0"])
def test_out_of_range_page_numbers_show_a_valid_page(client, projects, page):
    response = client.get("/nl/projecten/", {"page": page})
    assert response.status_code == 200
    assert titles(response)


@pytest.mark.parametrize("page", ["4", "999999", "abc", "-3", "0"])
def test_a_page_that_does_not_exist_shows_the_first_page_with_a_notice(client, projects, page, monkeypatch):
    from projects.models import ProjectIndexPage

    monkeypatch.setattr(ProjectIndexPage, "per_page", 1)
    first = client.get("/nl/projecten/")
    assert first.context["page_obj"].paginator.num_pages == 3 and not first.context["notices"]
    response = client.get("/nl/projecten/", {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
    assert titles(response) == titles(first)
    assert response.context["notices"] == [f"Er is geen pagina “{page}”; dit is de eerste pagina."]
    assert "eerste pagina" in response.content.decode().split('role="status">')[1][:500]


def test_an_existing_page_is_shown_without_a_notice(client, projects, monkeypatch):
    from projects.models import ProjectIndexPage

    monkeypatch.setattr(ProjectIndexPage, "per_page", 1)
    response = client.get("/nl/projecten/", {"page": "3"})
    assert response.context["page_obj"].number == 3 and titles(response) == ["Macedonië"]
    assert not response.context["notices"]


def test_map_links_each_country_to_its_projects(client, projects):
    html = client.get("/en/projects/").content.decode()
    assert 'href="/en/projects/?country=RS"' in html
    assert 'href="/en/projects/?country=KE"' in html


def test_unknown_project_slug_is_a_404(client, projects):
    assert client.get("/nl/projecten/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("path, budget", [("/nl/projecten/", 19), ("/en/projects/", 21)])
def test_project_index_renders_within_query_budget(client, projects, path, budget, django_assert_max_num_queries):
    client.get(path)
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200


def test_project_index_queries_do_not_grow_with_the_number_of_projects(
    client,
    projects,
    seeder,
    project_index,
    partner,
    funder,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    from tests.projects.conftest import make_project

    client.get("/nl/projecten/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get("/nl/projecten/")
    for number in range(4):
        make_project(
            seeder,
            project_index,
            django_capture_on_commit_callbacks,
            nl=f"Extra {number}",
            en=f"Extra {number}",
            slug=f"extra-{number}",
            country="TR",
            partner=partner,
            funder=funder,
        )
    client.get("/nl/projecten/")
    with CaptureQueriesContext(connection) as after:
        client.get("/nl/projecten/")
    assert len(after) == len(before)
