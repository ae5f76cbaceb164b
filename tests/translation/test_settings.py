"""Which machine translator each environment gets (read in a fresh process, as at start-up)."""

import pytest

from tests.website.test_settings import GOOD, run

PRINT = "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)"


def translator(env):
    result = run({"DEEPL_API_KEY": "", **env}, "shell", "-c", PRINT)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (GOOD, "None"),  # production without a key: no button in the editor
        ({**GOOD, "DEEPL_API_KEY": "abc:fx"}, "translation.machine.DeepLGlossaryTranslator"),
        ({"DJANGO_SETTINGS_MODULE": "website.settings.dev"}, "translation.machine.OfflineTranslator"),
        ({"DJANGO_SETTINGS_MODULE": "website.settings.dev", "DEEPL_API_KEY": "abc"}, "DeepLGlossaryTranslator"),
    ],
)
def test_the_translator_follows_the_environment(env, expected):
    assert expected in translator(env)
