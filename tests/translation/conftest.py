import pytest
import requests
from django.core.cache import cache
from django.utils import translation
from wagtail_localize.models import Translation, TranslationSource

# The elections fixtures, for the marking of untranslated election data.
from tests.elections.conftest import (  # noqa: F401 (fixtures)
    comparison_page,
    english_page,
    module_comparison_page,
    module_election,
    module_english_page,
    module_make,
    module_parties,
    module_positions,
    module_statements,
    module_themes,
)
from website.models import StandardPage


class FakeDeepL(requests.adapters.BaseAdapter):
    """A requests transport standing in for api.deepl.com: records each request, answers from `answers`.

    `answers` maps "METHOD path" to (status, JSON body) or to an exception to raise.
    """

    def __init__(self, answers):
        super().__init__()
        self.answers, self.sent = answers, []

    def send(self, request, **kwargs):
        self.sent.append(request)
        answer = self.answers[f"{request.method} {request.path_url.split('?')[0]}"]
        if isinstance(answer, Exception):
            raise answer
        status, body = answer
        response = requests.Response()
        response.status_code, response.request, response.url = status, request, request.url
        response._content = body if isinstance(body, bytes) else requests.compat.json.dumps(body).encode()
        return response

    def close(self):
        pass


def deepl_session(answers):
    session = requests.Session()
    transport = FakeDeepL(answers)
    session.mount("https://", transport)
    session.mount("http://", transport)
    return session, transport


def translate_answer(*texts):
    return (200, {"translations": [{"detected_source_language": "NL", "text": text} for text in texts]})


@pytest.fixture
def deepl_settings(settings):
    """Machine translation through DeepL with a fake transport: `deepl_settings(answers)` → the transport."""
    cache.clear()

    def configure(answers):
        session, transport = deepl_session(answers)
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": "translation.machine.DeepLGlossaryTranslator",
            "OPTIONS": {"AUTH_KEY": "secret-key:fx", "GLOSSARY": settings.TRANSLATION_GLOSSARY, "SESSION": session},
        }
        return transport

    return configure


def values(t):
    return {
        "title": t("Vrijwilligerswerk", "Volunteering"),
        "slug": t("vrijwilligerswerk", "volunteering"),
        "intro": t("Help asielzoekers in uw gemeente.", "Help asylum seekers in your municipality."),
        "body": [],
    }


@pytest.fixture
def dutch_page(seeder, home):
    """A Dutch page that is not translated."""
    page = StandardPage(locale=seeder.nl, **{k: v for k, v in values(lambda nl, en: nl).items()})
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def english_draft(dutch_page, seeder, django_capture_on_commit_callbacks):
    """The page's English copy as wagtail-localize makes it when translation starts: Dutch text, a draft."""
    with django_capture_on_commit_callbacks(execute=True):
        source, _created = TranslationSource.get_or_create_from_instance(dutch_page)
        translation = Translation.objects.create(source=source, target_locale=seeder.en)
        translation.save_target(publish=False)
    return translation


@pytest.fixture
def admin_user(admin_user):
    """The admin reads Wagtail in English: the tests check its words."""
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": "en"})
    return admin_user


@pytest.fixture(autouse=True)
def _english():
    """Messages built outside a request (the report's rows) in English too."""
    with translation.override("en"):
        yield
