import uuid

import pytest
from django.http import Http404
from django.utils import translation

from website.models import SiteIdentity
from website.translation import in_language, in_language_or_404


def identity_values(t):
    return {"organisation_name": t("Stichting", "Foundation")}


@pytest.fixture
def identity(seeder):
    """The Dutch identity and its English translation: one translation group."""
    return seeder.snippet(SiteIdentity, identity_values, {})


@pytest.fixture
def dutch_only(locales):
    return SiteIdentity.objects.create(organisation_name="Alleen Nederlands", locale=locales["nl"])


def test_a_key_gives_the_copy_in_the_language_asked_for(identity, django_assert_num_queries):
    with django_assert_num_queries(1):
        english = in_language(identity.translation_key, "en", model=SiteIdentity)
    assert english.organisation_name == "Foundation"
    assert in_language(identity.translation_key, "nl", model=SiteIdentity) == identity


def test_without_a_language_the_active_language_is_used(identity):
    with translation.override("en"):
        assert in_language(identity.translation_key, model=SiteIdentity).organisation_name == "Foundation"


def test_a_missing_language_falls_back_to_the_default_language(dutch_only):
    assert in_language(dutch_only.translation_key, "en", model=SiteIdentity) == dutch_only


def test_without_a_default_language_copy_any_copy_is_shown(locales):
    english = SiteIdentity.objects.create(organisation_name="Only English", locale=locales["en"])
    assert in_language(english.translation_key, "nl", model=SiteIdentity) == english


def test_an_object_gives_its_translation(identity):
    assert in_language(identity, "en").organisation_name == "Foundation"
    english = in_language(identity, "en")
    assert in_language(english, "nl") == identity


def test_a_queryset_holds_the_copies(identity, dutch_only):
    shown = in_language(SiteIdentity.objects.filter(translation_key=identity.translation_key), "en")
    assert shown.organisation_name == "Foundation"


def test_copies_can_come_from_a_cached_read(identity, django_assert_num_queries):
    cached = {"nl": identity, "en": "the English copy"}
    with django_assert_num_queries(0):
        assert in_language(identity.translation_key, "en", copies=lambda key: cached) == "the English copy"
        assert in_language(identity.translation_key, "de", copies=lambda key: cached) == identity


def test_an_unknown_key_finds_nothing(db):
    assert in_language(uuid.uuid4(), "nl", model=SiteIdentity) is None


# A fixed unknown key: a random one would give the test a different name in every run.
@pytest.mark.parametrize("key", ["not-a-uuid", "9b2f0c1e-5d4a-4b7e-8f3a-2c6d1e0b7a59"])
def test_a_malformed_or_unknown_key_from_a_url_is_a_404(db, key):
    with pytest.raises(Http404):
        in_language_or_404(key, "nl", model=SiteIdentity)


def test_a_key_from_a_url_gives_the_copy(identity):
    assert in_language_or_404(str(identity.translation_key), "en", model=SiteIdentity).organisation_name == (
        "Foundation"
    )
