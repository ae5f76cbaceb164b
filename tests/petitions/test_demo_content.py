"""The petitions demo: #500kinderen finished with the source's numbers, and an invented petition open for signing."""

import datetime

import pytest

from petitions import counting, demo
from petitions.models import Petition, PetitionStatus, ResponseStatus, Signature, TargetResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return demo.seed(seeder)


@pytest.fixture
def example(seeded):
    return Petition.objects.get(locale__language_code="nl", title__startswith="Voorbeeldpetitie")


def test_500kinderen_is_handed_over_with_more_than_21000_signatures_counted_once(seeded, english):
    assert seeded.status == PetitionStatus.HANDED_OVER and not seeded.is_open()
    assert seeded.handed_over_on == datetime.date(2020, 6, 2) and seeded.handover_image is not None
    assert "illustrati" in seeded.handed_over_to  # the date and photo are not in the sources
    translated = seeded.get_translation(english)
    assert translated.imported_count == 21000 and "Defence for Children" in translated.imported_count_source
    # One count for both languages: the imported signatures are added once, not per copy.
    assert counting.get_count(seeded.petition_key)["total"] == 21000
    assert not Signature.objects.filter(petition_key=seeded.petition_key).exists()  # no invented signers
    seeded.full_clean()


def test_over_half_of_the_municipalities_said_yes_to_500kinderen(seeded):
    from petitions.models import Municipality

    said_yes = TargetResponse.objects.filter(
        petition_key=seeded.petition_key, status__in=[ResponseStatus.SAID_YES, ResponseStatus.ACTED]
    ).count()
    assert said_yes > Municipality.objects.filter(active=True).count() / 2


def test_the_example_petition_is_invented_open_and_signed(example, english):
    assert example.is_open() and example.get_translation(english).title.startswith("Example petition")
    confirmed = counting.get_count(example.petition_key)["confirmed"]
    assert 2000 < confirmed < Signature.objects.filter(petition_key=example.petition_key).count()


def test_seeding_again_changes_nothing(seeded, seeder):
    count = Signature.objects.count()
    seeder.created = 0
    demo.seed(seeder)
    assert seeder.created == 0 and Signature.objects.count() == count and Petition.objects.count() == 4
