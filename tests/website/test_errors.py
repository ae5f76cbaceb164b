import pytest
from django.test import RequestFactory

from website.views import server_error


@pytest.mark.parametrize("path, lang", [("/nl/bestaat-niet/", "nl"), ("/en/does-not-exist/", "en")])
def test_not_found_page_speaks_the_language_of_the_url(client, home, path, lang):
    response = client.get(path)
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.parametrize("path", ["/admin/does-not-exist/", "/documents/x/"])
def test_a_mistyped_admin_or_document_url_is_a_404_where_it_is(admin_client, home, path):
    response = admin_client.get(path)
    assert response.status_code == 404  # not a redirect to /nl/admin/… and the site's page-not-found


def test_a_language_less_page_url_still_finds_its_page(client, home):
    response = client.get("/does-not-exist/")
    assert response.status_code == 302 and response["Location"].startswith("/nl/")


def test_not_found_page_in_english_says_so(client, home):
    assert "Page not found" in client.get("/en/does-not-exist/").content.decode()


@pytest.mark.parametrize("path, lang", [("/nl/kapot/", "nl"), ("/en/broken/", "en"), ("/elders/", "nl")])
def test_server_error_page_speaks_the_language_of_the_url(path, lang):
    response = server_error(RequestFactory().get(path))
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in response.content.decode()


def test_server_error_page_needs_no_database(django_assert_num_queries, db):
    with django_assert_num_queries(0):
        server_error(RequestFactory().get("/en/x/"))
