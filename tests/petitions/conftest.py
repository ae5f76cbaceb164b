import datetime

import pytest
from django.utils import timezone

from petitions.models import Municipality, Petition, PetitionStatus


def petition_values(t):
    return {
        "title": t("Haal 500 kinderen hierheen", "Bring 500 children here"),
        "demand": t("Neem kinderen op uit de Griekse kampen.", "Take in children from the Greek camps."),
        "addressed_to": t("De burgemeesters", "The mayors"),
        "goal": 1000,
        "milestones": "100, 500",
        "opens_at": timezone.now() - datetime.timedelta(days=1),
        "closes_at": timezone.now() + datetime.timedelta(days=30),
        "status": PetitionStatus.OPEN,
        "thank_you_text": t("Dank je wel!", "Thank you!"),
        "share_text": t("Teken ook", "Sign too"),
        "consent_text": t("Ik geef toestemming om mijn gegevens te bewaren.", "I consent to my data being kept."),
        "newsletter_text": t("Houd mij op de hoogte", "Keep me posted"),
        "has_targets": True,
        "ask_comment": True,
        "ask_postcode": True,
    }


@pytest.fixture
def petition(module_petition, fresh):
    """The petition, built once per module and shared (see `module_db` in tests/conftest.py). A module
    whose tests commit cannot share it: it builds its own (`built_petition`)."""
    return fresh(module_petition)


@pytest.fixture
def built_petition(seeder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return seeder.snippet(Petition, petition_values, {"title": "Haal 500 kinderen hierheen"})


@pytest.fixture(scope="module")
def module_petition(module_seeder, building):
    """The same petition built once for a module that only reads it (see `module_db` in tests/conftest.py)."""
    with building():
        return module_seeder.snippet(Petition, petition_values, {"title": "Haal 500 kinderen hierheen"})


@pytest.fixture
def english_petition(petition, english):
    return petition.get_translation(english)


@pytest.fixture
def amsterdam(db):
    return Municipality.objects.get(cbs_code="GM0363")


@pytest.fixture
def new_signature(petition, amsterdam):
    """Make a signature of `petition` straight in the database: `new_signature("Ada", language="en", …)`."""
    from petitions.consent import current_consent
    from petitions.models import Signature

    consent = current_consent(petition)

    def make(name, language="nl", **fields):
        return Signature.objects.create(
            **{
                "petition_key": petition.petition_key,
                "name": name,
                "email": f"{name.lower()}@example.org",
                "email_normalised": f"{name.lower()}@example.org",
                "language": language,
                "consent": consent,
                "municipality": amsterdam,
                **fields,
            }
        )

    return make
