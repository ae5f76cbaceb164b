from website.models import StandardPage


def test_second_visit_is_served_from_the_cache_without_queries(client, about, django_assert_num_queries):
    first = client.get("/en/about-us/")
    with django_assert_num_queries(0):
        second = client.get("/en/about-us/")
    assert second.content == first.content
    assert "s-maxage=300" in second["Cache-Control"] and "public" in second["Cache-Control"]
    assert second["Content-Language"] == "en"


def test_publishing_a_page_turns_the_cache_over(client, about):
    client.get("/nl/over-ons/")
    page = StandardPage.objects.get(pk=about.pk)
    page.intro = "Nieuwe inleiding."
    page.save_revision().publish()
    assert "Nieuwe inleiding." in client.get("/nl/over-ons/").content.decode()


def test_pages_with_a_query_string_are_rendered_fresh(client, about, django_assert_max_num_queries):
    client.get("/nl/over-ons/?x=1")
    response = client.get("/nl/over-ons/?x=1")
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_visitors_with_a_session_are_not_served_from_the_cache(client, about, django_user_model):
    client.get("/nl/over-ons/")
    client.force_login(django_user_model.objects.create_user("editor", password="x"))
    response = client.get("/nl/over-ons/")
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_not_found_pages_are_not_cached(client, about):
    assert client.get("/nl/bestaat-niet/").status_code == 404
    assert client.get("/nl/bestaat-niet/").status_code == 404
