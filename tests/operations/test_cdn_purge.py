import pytest
from wagtail.models import Page

from operations import cdn, purging, tasks
from tests.operations.fake_cdn import FakeCdn
from website.models import CustomImage


@pytest.fixture
def fake_cdn(settings):
    server = FakeCdn()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "operations.cdn.VarnishBackend", "LOCATION": server.location}
    }
    yield server
    server.close()


@pytest.fixture
def no_delays(monkeypatch):
    monkeypatch.setattr(tasks, "RETRY_DELAYS", [0, 0])


def publish(page, django_capture_on_commit_callbacks, **values):
    page = type(page).objects.get(pk=page.pk)
    for name, value in values.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page


def full_urls(*pages):
    return {Page.objects.get(pk=page.pk).get_full_url() for page in pages}


def test_publishing_a_page_purges_it_in_both_languages_and_the_pages_that_list_it(
    home, english_home, about, locales, django_capture_on_commit_callbacks, fake_cdn
):
    english_about = about.get_translation(locales["en"])
    publish(about, django_capture_on_commit_callbacks, intro="Nieuw.")
    expected = full_urls(about, english_about, home, english_home)
    assert {"/" + url.split("/", 3)[3] for url in expected} == {"/nl/over-ons/", "/en/about-us/", "/nl/", "/en/"}
    assert sorted(fake_cdn.purged) == sorted(expected)


def test_unpublishing_a_page_purges_its_url_too(home, about, django_capture_on_commit_callbacks, fake_cdn):
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=about.pk).unpublish()
    assert Page.objects.get(pk=about.pk).get_full_url() in fake_cdn.purged


def test_saving_a_snippet_purges_the_pages_that_show_it_in_every_language(
    home, english_home, django_capture_on_commit_callbacks, fake_cdn
):
    image = CustomImage.objects.create(title="Horizon", file="original_images/horizon.jpg", width=10, height=10)
    publish(home, django_capture_on_commit_callbacks, hero_image=image)
    publish(english_home, django_capture_on_commit_callbacks, hero_image=image)
    fake_cdn.purged.clear()
    image.title = "Horizon at dawn"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert set(fake_cdn.purged) == full_urls(home, english_home)


def test_a_snippet_no_page_shows_purges_nothing(home, django_capture_on_commit_callbacks, fake_cdn):
    with django_capture_on_commit_callbacks(execute=True):
        CustomImage.objects.create(title="Unused", file="original_images/unused.jpg", width=10, height=10)
    assert fake_cdn.purged == []


def test_without_a_cdn_configured_nothing_is_queued(
    settings, monkeypatch, home, about, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    queued = []
    monkeypatch.setattr(purging, "queue", lambda urls, *args: queued.append(urls))
    publish(about, django_capture_on_commit_callbacks, intro="Nieuw.")
    assert queued == [] and cdn.backends() == {}


def test_a_failed_purge_is_retried_until_it_goes_through(
    no_delays, home, about, django_capture_on_commit_callbacks, fake_cdn
):
    fake_cdn.failures_left = 2
    publish(about, django_capture_on_commit_callbacks, intro="Nieuw.")
    assert Page.objects.get(pk=about.pk).get_full_url() in fake_cdn.purged
    assert len(fake_cdn.purged) == len(set(fake_cdn.purged))


def test_a_cdn_that_stays_down_never_fails_the_publish(
    settings, no_delays, home, about, django_capture_on_commit_callbacks, caplog
):
    server = FakeCdn()
    server.close()  # nothing listens there any more: connection refused
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "operations.cdn.VarnishBackend", "LOCATION": server.location}
    }
    page = publish(about, django_capture_on_commit_callbacks, intro="Nieuw.")
    assert Page.objects.get(pk=page.pk).specific.intro == "Nieuw."
    assert "gave up after 3 attempts" in caplog.text


class FakeCloudflare:
    def __init__(self, answers):
        self.answers = list(answers)  # (status, success) per call; the last one repeats
        self.calls = []

    def post(self, url, json, headers, timeout):
        self.calls.append(json["files"])
        status, success = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return FakeResponse(status, {"success": success, "errors": [] if success else [{"message": "zone busy"}]})


class FakeResponse:
    def __init__(self, status_code, body):
        self.status_code, self.body = status_code, body

    def json(self):
        return self.body


@pytest.fixture
def cloudflare(settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {
        "cloudflare": {"BACKEND": "operations.cdn.CloudflarePurgeBackend", "BEARER_TOKEN": "t", "ZONEID": "zone"}
    }

    def install(*answers):
        fake = FakeCloudflare(answers or [(200, True)])
        monkeypatch.setattr(cdn.requests, "post", fake.post)
        return fake

    return install


def test_cloudflare_purges_go_in_batches_of_thirty(cloudflare):
    fake = cloudflare()
    urls = [f"https://campagnes.example.org/nl/pagina-{number}/" for number in range(65)]
    tasks.purge_cdn_urls.enqueue(urls)
    assert [len(call) for call in fake.calls] == [30, 30, 5]
    assert sum(fake.calls, []) == urls


def test_only_the_failed_cloudflare_batch_is_sent_again(cloudflare, no_delays):
    fake = cloudflare((200, True), (500, False), (200, True))
    urls = [f"https://campagnes.example.org/en/page-{number}/" for number in range(40)]
    tasks.purge_cdn_urls.enqueue(urls)
    assert [len(call) for call in fake.calls] == [30, 10, 10]
    assert fake.calls[2] == urls[30:]


def test_purge_urls_come_from_the_page_tree_not_a_swapped_language_prefix(home, about, locales):
    english_about = about.get_translation(locales["en"])
    urls = purging.urls_for_pages(purging.pages_for_page(about))
    assert english_about.get_full_url() in urls and english_about.get_full_url().endswith("/en/about-us/")


def test_the_editor_is_told_the_purge_is_queued_when_a_cdn_is_configured(rf, settings, fake_cdn):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.utils import translation

    from operations.wagtail_hooks import after_page_change

    def editor_request():
        request = rf.post("/admin/pages/1/edit/")
        request.session = {}
        request._messages = FallbackStorage(request)
        return request

    request = editor_request()
    with translation.override("nl"):
        after_page_change(request, page=None)
    (message,) = get_messages(request)
    assert "CDN" in str(message) and "wachtrij" in str(message)
    settings.WAGTAILFRONTENDCACHE = {}
    request = editor_request()
    after_page_change(request, page=None)
    assert list(get_messages(request)) == []
