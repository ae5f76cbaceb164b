"""The machine translators, with a fake transport in place of DeepL: nothing here reaches the network."""

import urllib.parse

import pytest
import requests
from django.core.cache import cache
from wagtail_localize.strings import StringValue

from tests.translation.conftest import deepl_session, translate_answer
from translation import glossary
from translation.machine import DeepLGlossaryTranslator, MachineTranslationFailed, OfflineTranslator


class FakeLocale:
    def __init__(self, code):
        self.language_code = code


NL, EN = FakeLocale("nl"), FakeLocale("en")
GLOSSARIES = "GET /v2/glossaries"
CREATE = "POST /v2/glossaries"
TRANSLATE = "POST /v2/translate"


@pytest.fixture(autouse=True)
def _no_cached_glossary_id():
    cache.clear()


def translator(settings, answers):
    session, transport = deepl_session(answers)
    options = {"AUTH_KEY": "secret-key:fx", "GLOSSARY": settings.TRANSLATION_GLOSSARY, "SESSION": session}
    return DeepLGlossaryTranslator(options), transport


def form(request):
    return urllib.parse.parse_qs(request.body if isinstance(request.body, str) else request.body.decode())


def strings(*texts):
    return [StringValue(text) for text in texts]


def test_the_request_to_deepl_carries_the_key_the_glossary_and_the_text(settings):
    deepl, transport = translator(
        settings,
        {
            GLOSSARIES: (200, {"glossaries": []}),
            CREATE: (201, {"glossary_id": "g-123", "name": "x"}),
            TRANSLATE: translate_answer("Help asylum seekers in your municipality."),
        },
    )
    result = deepl.translate(NL, EN, strings("Help asielzoekers in uw gemeente."))
    assert [value.data for value in result.values()] == ["Help asylum seekers in your municipality."]
    listing, creation, translation = transport.sent
    assert all(request.headers["Authorization"] == "DeepL-Auth-Key secret-key:fx" for request in transport.sent)
    assert translation.url == "https://api-free.deepl.com/v2/translate"  # a ":fx" key is a free account's
    sent = form(translation)
    assert sent["text"] == ["Help asielzoekers in uw gemeente."]
    assert sent["glossary_id"] == ["g-123"]
    assert (sent["source_lang"], sent["target_lang"], sent["tag_handling"]) == (["NL"], ["EN-GB"], ["xml"])
    created = form(creation)
    assert (created["source_lang"], created["target_lang"], created["entries_format"]) == (["NL"], ["EN"], ["tsv"])
    assert "terugkeer\treturn" in created["entries"][0].splitlines()


def test_an_existing_glossary_is_found_by_name_and_then_remembered(settings):
    deepl, transport = translator(settings, {GLOSSARIES: (200, {"glossaries": []})})
    name = f"campagnes-nl-en-{glossary.load(settings.TRANSLATION_GLOSSARY).digest}"
    transport.answers = {
        GLOSSARIES: (
            200,
            {"glossaries": [{"glossary_id": "other", "name": "x"}, {"glossary_id": "g-9", "name": name}]},
        ),
        TRANSLATE: translate_answer("return", "municipality"),
    }
    deepl.translate(NL, EN, strings("terugkeer", "gemeente"))
    deepl.translate(NL, EN, strings("terugkeer", "gemeente"))
    assert [f"{r.method} {r.path_url}" for r in transport.sent] == [GLOSSARIES, TRANSLATE, TRANSLATE]
    assert form(transport.sent[-1])["glossary_id"] == ["g-9"]


def test_a_pro_key_uses_the_pro_endpoint(settings):
    session, transport = deepl_session({TRANSLATE: translate_answer("return")})
    deepl = DeepLGlossaryTranslator({"AUTH_KEY": "pro-key", "SESSION": session})  # no glossary configured
    deepl.translate(NL, EN, strings("terugkeer"))
    assert transport.sent[0].url == "https://api.deepl.com/v2/translate"
    assert "glossary_id" not in form(transport.sent[0])


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ((456, {"message": "Quota exceeded"}), "quota for this month is used up"),
        ((429, {"message": "Too many requests"}), "too many requests"),
        ((403, {"message": "Forbidden"}), "refused the API key"),
        ((500, b"oops"), "error 500"),
        ((200, b"<html>not json"), "not JSON"),
        ((200, {"translations": []}), "does not match the text sent"),
        (requests.ConnectionError("no route"), "could not be reached"),
        (requests.Timeout("slow"), "could not be reached"),
    ],
)
def test_a_failed_request_raises_a_message_for_the_editor(settings, answer, message):
    deepl, _transport = translator(settings, {GLOSSARIES: (200, {"glossaries": [{"glossary_id": "g", "name": "x"}]})})
    _transport.answers[CREATE] = (201, {"glossary_id": "g-1"})
    _transport.answers[TRANSLATE] = answer
    with pytest.raises(MachineTranslationFailed, match=message):
        deepl.translate(NL, EN, strings("terugkeer"))


def test_a_glossary_that_deepl_will_not_create_stops_the_translation(settings):
    deepl, transport = translator(settings, {GLOSSARIES: (200, {"glossaries": []}), CREATE: (400, {"message": "bad"})})
    with pytest.raises(MachineTranslationFailed, match="error 400"):
        deepl.translate(NL, EN, strings("terugkeer"))
    assert not any(r.path_url == "/v2/translate" for r in transport.sent)


def test_the_offline_translator_marks_its_text_and_keeps_the_html():
    result = OfflineTranslator({}).translate(NL, EN, strings("Help <b>asielzoekers</b>"))
    assert [value.data for value in result.values()] == ["[EN] Help <b>asielzoekers</b>"]
    assert OfflineTranslator({}).can_translate(NL, EN)
    assert not OfflineTranslator({}).can_translate(NL, NL)
    assert "unchecked" in str(OfflineTranslator.display_name)


def test_a_broken_glossary_stops_the_translation_before_any_request(settings, tmp_path):
    broken = tmp_path / "glossary.tsv"
    broken.write_text("terugkeer\n", encoding="utf-8")
    session, transport = deepl_session({})
    deepl = DeepLGlossaryTranslator({"AUTH_KEY": "k", "GLOSSARY": broken, "SESSION": session})
    with pytest.raises(MachineTranslationFailed, match="glossary file has errors"):
        deepl.translate(NL, EN, strings("terugkeer"))
    assert transport.sent == []
