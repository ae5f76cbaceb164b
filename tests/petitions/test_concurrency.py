"""Many signers at once, on PostgreSQL (SQLite serialises writers, so there is nothing to race)."""

import threading

import pytest
from django.db import connection, connections

from petitions import counting, signing
from petitions.consent import current_consent
from petitions.models import PetitionCount, Signature, SignatureStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def petition(built_petition):
    return built_petition  # this module commits: it cannot share module data


def test_concurrent_signing_with_duplicates_gives_one_row_per_person_and_an_exact_count(petition, amsterdam):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: .ci/run runs this against it")
    consent = current_consent(petition)
    people = [f"person{n}@example.org" for n in range(60)]
    errors = []

    def signer(offset):
        try:
            for step in range(40):
                email = people[(offset * 7 + step) % len(people)]  # every address is tried by several threads
                signing.sign(
                    petition,
                    {"name": "N", "email": email, "municipality": amsterdam.pk},
                    consent=consent,
                    language="nl",
                    ip=f"203.0.113.{offset}",
                )
        except Exception as error:  # collected: an exception in a thread would otherwise vanish
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=signer, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Signature.objects.count() == len(people)

    Signature.objects.update(status=SignatureStatus.CONFIRMED)
    counters = [threading.Thread(target=lambda: (counting.update_counts(), connections.close_all())) for _ in range(4)]
    for thread in counters:
        thread.start()
    for thread in counters:
        thread.join()
    assert PetitionCount.objects.get(petition_key=petition.petition_key).confirmed == len(people)
    assert counting.reconcile() == {}
