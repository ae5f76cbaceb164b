import pytest


@pytest.fixture
def indexed(about):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    return about


def test_search_finds_pages_in_the_current_language_only(client, indexed):
    english = client.get("/en/search/", {"query": "borders"}).content.decode()
    assert 'href="/en/about-us/"' in english
    assert 'href="/nl/over-ons/"' not in english
    dutch = client.get("/nl/search/", {"query": "grenzen"}).content.decode()
    assert 'href="/nl/over-ons/"' in dutch


def test_search_without_a_query_shows_the_form_only(client, indexed):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'name="query"' in response.content.decode()
    assert "results" not in response.content.decode().split("</form>")[1].split("<footer")[0]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999999", "1.5", ""])
def test_search_survives_a_garbage_page_number(client, indexed, page):
    response = client.get("/en/search/", {"query": "borders", "page": page})
    assert response.status_code == 200


def test_search_shortens_an_overlong_query_with_a_notice(client, indexed):
    response = client.get("/en/search/", {"query": "b" * 5000})
    assert response.status_code == 200
    assert "Your search was shortened to 200 characters." in response.content.decode()


def test_search_escapes_markup_in_the_query(client, indexed):
    html = client.get("/en/search/", {"query": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_search_refuses_post(client, indexed):
    assert client.post("/en/search/", {"query": "x"}).status_code == 405


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("query", ["\x00", "a\x00b", "bor\x00ders"])
def test_search_drops_nul_characters(client, indexed, language, query):
    # PostgreSQL refuses a NUL in a query: this was a 500 there.
    response = client.get(f"/{language}/search/", {"query": query})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()


def test_search_with_a_nul_finds_what_the_word_finds(client, indexed):
    assert 'href="/en/about-us/"' in client.get("/en/search/?query=bor%00ders").content.decode()


@pytest.mark.parametrize("page", ["abc", "999999", "²", "1" + "0" * 400])
def test_search_shows_the_first_page_and_says_so_for_a_page_that_does_not_exist(client, indexed, page):
    html = client.get("/en/search/", {"query": "borders", "page": page}).content.decode()
    assert "this is the first page." in html
    assert 'href="/en/about-us/"' in html


@pytest.mark.parametrize("query", ['"', 'bor"ders', '"borders', "borders'", "\\", "NEAR(", "*", "-", "AND OR NOT"])
def test_search_takes_quotes_and_search_syntax_as_plain_words(client, indexed, query):
    # A double quote was a syntax error in Wagtail's SQLite index: a 500.
    assert client.get("/en/search/", {"query": query}).status_code == 200


def test_search_with_a_quoted_word_finds_the_word(client, indexed):
    assert 'href="/en/about-us/"' in client.get("/en/search/", {"query": '"borders"'}).content.decode()
