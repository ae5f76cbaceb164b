"""Page routing from the language's home page (`website.i18n.RequestLocalesMiddleware`): English pages cost
no query more than Dutch ones, without patching Wagtail."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site
from wagtail.models.i18n import LocaleManager

from website import i18n
from website.caching import purge_all
from website.models import StandardPage


def queries(client, path):
    client.get(path)  # warm Wagtail's per-process caches
    purge_all()  # a render right after a change
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_wagtail_locale_lookups_are_wagtails_own():
    assert LocaleManager.get_for_language.__module__ == "wagtail.models.i18n"


def test_an_english_page_costs_no_more_queries_than_its_dutch_original(client, about):
    assert queries(client, "/en/about-us/") == queries(client, "/nl/over-ons/")
    assert queries(client, "/en/") == queries(client, "/nl/")


def test_pages_are_routed_from_their_languages_home_page(client, about):
    assert "<h1>About us</h1>" in client.get("/en/about-us/").content.decode()
    assert "<h1>Over ons</h1>" in client.get("/nl/over-ons/").content.decode()
    assert client.get("/en/over-ons/").status_code != 200  # a Dutch slug under the English home
    assert client.get("/en/about-us/nothing-here/").status_code == 404


def test_an_unpublished_english_home_falls_back_to_the_site_root_as_wagtail_does(client, home, english):
    english_home = home.get_translation(english)
    english_home.unpublish()
    cache.clear()
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.context["page"].pk == home.pk


def test_a_site_moved_to_another_root_is_routed_from_there(client, home, about):
    client.get("/nl/over-ons/")
    site = Site.objects.get(is_default_site=True)
    site.root_page = StandardPage.objects.get(pk=about.pk)
    site.save()
    purge_all()
    # The Dutch home is now the page "Over ons": its path has no "over-ons/" below it.
    assert client.get("/nl/over-ons/").status_code == 404
    assert "<h1>Over ons</h1>" in client.get("/nl/").content.decode()


def test_the_locales_are_looked_up_again_after_a_locale_changes(client, about):
    client.get("/nl/over-ons/")
    assert cache.get(i18n.LOCALES_KEY) is not None
    Locale.objects.get(language_code="en").save()
    assert cache.get(i18n.LOCALES_KEY) is None


def test_sites_are_remembered_for_a_bounded_number_of_hosts(rf, about):
    for number in range(3 * i18n.MAX_HOSTS):
        site = i18n.find_site(rf.get("/", HTTP_HOST=f"host{number}.example"))
        assert site == Site.objects.get(is_default_site=True)  # no site of its own: the default one
    assert len(cache.get(i18n.SITES_KEY)) <= i18n.MAX_HOSTS


def test_the_menu_leaves_out_pages_behind_a_view_restriction(client, home, about):
    from wagtail.models import PageViewRestriction

    page = StandardPage.objects.get(pk=about.pk)
    page.show_in_menus = True
    page.save_revision().publish()
    secret = StandardPage(title="Geheim", slug="geheim", show_in_menus=True)
    home.add_child(instance=secret)
    secret.save_revision().publish()
    inner = StandardPage(title="Binnen", slug="binnen", show_in_menus=True)
    secret.add_child(instance=inner)
    inner.save_revision().publish()
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    purge_all()
    pages = i18n.public(StandardPage.objects.live())
    assert set(pages.values_list("slug", flat=True)) == {"over-ons", "about-us"}  # "geheim" and what is below it: not
    nav = client.get("/nl/over-ons/").content.decode().split("<nav", 1)[1].split("</nav>", 1)[0]
    assert "/nl/over-ons/" in nav and "/nl/geheim/" not in nav


def team_values(t):
    return {
        "title": t("Ons team", "Our team"),
        "slug": t("team", "team-en"),
        "intro": t("Wie er werken.", "Who works here."),
    }


def test_a_deeper_page_costs_no_more_queries_to_route(client, seeder, about, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seeder.page(about, StandardPage, team_values)
    assert "<h1>Our team</h1>" in client.get("/en/about-us/team-en/").content.decode()
    assert queries(client, "/nl/over-ons/team/") == queries(client, "/nl/over-ons/")
    assert queries(client, "/en/about-us/team-en/") == queries(client, "/nl/over-ons/team/")


def test_a_page_below_an_unpublished_one_is_routed_as_wagtail_does(
    client, seeder, about, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        seeder.page(about, StandardPage, team_values)
        StandardPage.objects.get(pk=about.pk).unpublish()
    purge_all()
    assert client.get("/nl/over-ons/").status_code == 404
    assert "<h1>Ons team</h1>" in client.get("/nl/over-ons/team/").content.decode()
    assert client.get("/nl/over-ons/team/nothing-here/").status_code == 404
    assert client.get("/nl/nothing/team/").status_code == 404
