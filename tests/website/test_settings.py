import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "SECRET_KEY": "k3y-for-tests-only-" + "abcdefghij0123456789" * 3,
    "ALLOWED_HOSTS": "campagnes.example.org",
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "STRIPE_SECRET_KEY": "sk_test_for_the_settings_tests",
    "STRIPE_WEBHOOK_SECRET": "whsec_for_the_settings_tests",
}


def run(env_overrides, *args):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "x" * 64}, "SECRET_KEY must be set"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must list"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS must list"),
        ({"STRIPE_SECRET_KEY": "not-a-key"}, "STRIPE_SECRET_KEY"),
        ({"STRIPE_SECRET_KEY": ""}, "STRIPE_SECRET_KEY must be set"),
        ({"STRIPE_WEBHOOK_SECRET": ""}, "STRIPE_WEBHOOK_SECRET must be set"),
        ({"DEBUG": "perhaps"}, "DEBUG must be true or false"),
    ],
)
def test_production_settings_refuse_an_unsafe_config(overrides, message):
    result = run({**GOOD, **overrides}, "check")
    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run(GOOD, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
