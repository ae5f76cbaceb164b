"""Machine translators for wagtail-localize's "Translate with …" button.

`DeepLGlossaryTranslator` (production, DEEPL_API_KEY) sends the organisation's glossary with every
request; `OfflineTranslator` (make run, tests) makes no request and marks its output "[EN] …" so no
one mistakes it for a translation. Both name themselves "unchecked": wagtail-localize shows the tool's
name beside each segment it filled, until a person saves the segment (translation/status.py counts them).

A failed request raises `MachineTranslationFailed` before anything is written; the admin view
(translation/views.py) tells the editor and leaves the translation as it was.
"""

import requests
from django.core.cache import cache
from django.utils.translation import gettext, gettext_lazy
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.strings import StringValue

from . import glossary as glossaries

OFFLINE_MARK = "[EN] "


class MachineTranslationFailed(Exception):
    """The translator gave no usable answer; the message is for the editor."""


def _language(code):
    return code.split("-")[0].lower()


class OfflineTranslator(BaseMachineTranslator):
    """No network: prefixes each string with a marker (the HTML inside stays as it was)."""

    display_name = gettext_lazy("Offline test translator (unchecked)")

    def translate(self, source_locale, target_locale, strings):
        mark = f"[{_language(target_locale.language_code).upper()}] "
        return {string: StringValue(mark + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return _language(source_locale.language_code) != _language(target_locale.language_code)


# DeepL wants a variant for English as a target; a glossary is made for plain "EN" and serves both.
TARGET_VARIANTS = {"EN": "EN-GB", "PT": "PT-PT"}
FAILURES = {
    403: gettext_lazy("DeepL refused the API key"),
    413: gettext_lazy("the text is too long for one DeepL request"),
    429: gettext_lazy("DeepL is busy (too many requests); try again in a minute"),
    456: gettext_lazy("the DeepL quota for this month is used up"),
}


class DeepLGlossaryTranslator(DeepLTranslator):
    """wagtail-localize's DeepL translator, with the repository's glossary and errors an editor can read.

    OPTIONS: AUTH_KEY, GLOSSARY (path of the TSV file), TIMEOUT; SESSION (a requests.Session) lets
    tests put a fake transport in place of the network.
    """

    display_name = gettext_lazy("DeepL (machine translation, unchecked)")

    def __init__(self, options):
        super().__init__(options)
        self.session = options.get("SESSION") or requests.Session()
        self.timeout = int(options.get("TIMEOUT", 30))

    @property
    def base_url(self):
        return self.get_api_endpoint().rsplit("/", 1)[0]  # …/v2

    def _request(self, method, path, **kwargs):
        try:
            response = self.session.request(
                method, f"{self.base_url}/{path}", headers=self.get_headers(), timeout=self.timeout, **kwargs
            )
        except requests.RequestException:
            raise MachineTranslationFailed(gettext("DeepL could not be reached")) from None
        if response.status_code not in (200, 201):
            reason = FAILURES.get(response.status_code)
            raise MachineTranslationFailed(
                str(reason)
                if reason
                else gettext("DeepL answered with error %(status)s") % {"status": response.status_code}
            )
        try:
            return response.json()
        except ValueError:
            raise MachineTranslationFailed(gettext("DeepL gave an answer that is not JSON")) from None

    def glossary_id(self, source_lang, target_lang):
        """The id of the repository glossary at DeepL for this pair: found by name, else created."""
        path = self.options.get("GLOSSARY")
        if not path:
            return None
        try:
            glossary = glossaries.load(path)
        except glossaries.GlossaryError:  # `manage.py check` refuses it too; never send DeepL a broken one
            raise MachineTranslationFailed(gettext("the glossary file has errors (see manage.py check)")) from None
        name = f"campagnes-{source_lang}-{target_lang}-{glossary.digest}".lower()
        cache_key = f"translation:deepl-glossary:{name}"
        if found := cache.get(cache_key):
            return found
        listed = self._request("GET", "glossaries").get("glossaries", [])
        found = next((item["glossary_id"] for item in listed if item.get("name") == name), None)
        if found is None:
            created = self._request(
                "POST",
                "glossaries",
                data={
                    "name": name,
                    "source_lang": source_lang,
                    "target_lang": target_lang,
                    "entries": glossary.as_tsv(),
                    "entries_format": "tsv",
                },
            )
            found = created.get("glossary_id")
            if not found:
                raise MachineTranslationFailed(gettext("DeepL did not create the glossary"))
        cache.set(cache_key, found, 24 * 3600)
        return found

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        source_lang = _language(source_locale.language_code).upper()
        target_base = _language(target_locale.language_code).upper()
        data = {
            "text": [string.data for string in strings],
            "tag_handling": "xml",
            "source_lang": source_lang,
            "target_lang": TARGET_VARIANTS.get(target_base, target_base),
        }
        if glossary_id := self.glossary_id(source_lang, target_base):
            data["glossary_id"] = glossary_id
        translations = self._request("POST", "translate", data=data).get("translations")
        if not isinstance(translations, list) or len(translations) != len(strings):
            raise MachineTranslationFailed(gettext("DeepL's answer does not match the text sent"))
        return {
            string: StringValue(item["text"])
            for string, item in zip(strings, translations, strict=True)
            if isinstance(item, dict) and isinstance(item.get("text"), str)
        }
