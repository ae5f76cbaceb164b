import pytest
from django.core.cache import cache

from petitions import counting
from petitions.consent import current_consent
from petitions.models import PaperSignatures, PetitionCount, Signature, SignatureStatus


@pytest.fixture
def make_signatures(petition, amsterdam):
    consent = current_consent(petition)

    def make(number, status=SignatureStatus.CONFIRMED, start=0):
        Signature.objects.bulk_create(
            [
                Signature(
                    petition_key=petition.petition_key,
                    name=f"P{i}",
                    email=f"p{i}@example.org",
                    email_normalised=f"p{i}@example.org",
                    language="nl",
                    consent=consent,
                    status=status,
                    municipality=amsterdam,
                )
                for i in range(start, start + number)
            ]
        )

    return make


def total(petition):
    return PetitionCount.objects.get(petition_key=petition.petition_key).confirmed


def test_counting_adds_what_was_confirmed_since_the_last_run(petition, make_signatures):
    make_signatures(3)
    make_signatures(2, status=SignatureStatus.PENDING, start=10)
    assert counting.update_counts() == 3
    assert total(petition) == 3
    make_signatures(4, start=20)
    assert counting.update_counts() == 4
    assert total(petition) == 7
    assert counting.update_counts() == 0


def test_invalidated_signatures_leave_the_count(petition, make_signatures):
    make_signatures(5)
    counting.update_counts()
    Signature.objects.filter(name__in=["P0", "P1"]).update(status=SignatureStatus.INVALIDATED)
    counting.update_counts()
    assert total(petition) == 3


def test_counting_in_batches_counts_everything_once(petition, make_signatures, monkeypatch):
    monkeypatch.setattr(counting, "BATCH", 7)
    make_signatures(30)
    counting.update_counts()
    assert total(petition) == 30


def test_a_batch_that_fails_counts_nothing_and_loses_nothing(petition, make_signatures, monkeypatch):
    make_signatures(10)
    original = counting._apply

    def crash(deltas):
        original(deltas)
        raise RuntimeError("worker killed")

    monkeypatch.setattr(counting, "_apply", crash)
    with pytest.raises(RuntimeError):
        counting.count_batch()
    assert not PetitionCount.objects.filter(petition_key=petition.petition_key, confirmed__gt=0).exists()
    assert Signature.objects.filter(counted=True).count() == 0
    monkeypatch.setattr(counting, "_apply", original)
    counting.update_counts()
    assert total(petition) == 10


def test_paper_signatures_count_toward_the_total(petition, make_signatures):
    make_signatures(2)
    PaperSignatures.objects.create(petition_key=petition.petition_key, count=150, note="Markt Utrecht")
    counting.update_counts()
    assert counting.get_count(petition.petition_key)["total"] == 152


def test_reconcile_repairs_drift_and_reports_it(petition, make_signatures):
    make_signatures(6)
    counting.update_counts()
    PetitionCount.objects.filter(petition_key=petition.petition_key).update(confirmed=99)
    drift = counting.reconcile()
    assert drift == {petition.petition_key: 6 - 99}
    assert total(petition) == 6
    assert counting.reconcile() == {}


def test_count_json_serves_the_count_with_public_cache_headers(client, petition, make_signatures):
    make_signatures(4)
    counting.update_counts()
    response = client.get(f"/petitions/{petition.petition_key}/count.json")
    assert response.status_code == 200
    assert response.json()["count"] == 4 and response.json()["goal"] == 1000
    control = response["Cache-Control"]
    assert "public" in control and "max-age=5" in control
    assert "stale-while-revalidate" in control and "stale-if-error" in control


def test_count_json_is_the_same_for_both_languages(client, petition, english_petition):
    assert english_petition.petition_key == petition.petition_key


def test_count_json_from_cache_needs_no_petition_count_query(
    client, petition, make_signatures, django_assert_max_num_queries
):
    client.get(f"/petitions/{petition.petition_key}/count.json")
    with django_assert_max_num_queries(3):
        client.get(f"/petitions/{petition.petition_key}/count.json")


def test_count_json_shows_a_new_goal_as_soon_as_the_petition_is_saved(client, petition):
    assert client.get(f"/petitions/{petition.petition_key}/count.json").json()["goal"] == 1000
    petition.goal = 2000
    petition.save()
    assert client.get(f"/petitions/{petition.petition_key}/count.json").json()["goal"] == 2000


def test_count_json_breaks_down_by_municipality(client, petition, make_signatures):
    make_signatures(3)
    response = client.get(f"/petitions/{petition.petition_key}/count.json", {"by": "municipality"})
    assert response.json()["municipalities"] == {"GM0363": 3}


@pytest.mark.parametrize("key", ["nope", "00000000-0000-0000-0000-000000000000", "%00"])
def test_count_json_for_unknown_petitions_is_a_404(client, db, key):
    assert client.get(f"/petitions/{key}/count.json").status_code == 404


def test_counting_task_runs_through_the_task_framework(petition, make_signatures):
    from petitions.tasks import update_signature_counts

    make_signatures(2)
    update_signature_counts.enqueue()
    cache.clear()
    assert counting.get_count(petition.petition_key)["confirmed"] == 2


def test_count_json_is_answered_from_the_cache_before_any_query(
    client, petition, make_signatures, django_assert_num_queries
):
    make_signatures(2)
    counting.update_counts()
    first = client.get(f"/petitions/{petition.petition_key}/count.json")
    with django_assert_num_queries(0):
        second = client.get(f"/petitions/{petition.petition_key}/count.json")
    assert second.json() == first.json()
    assert second["Cache-Control"] == first["Cache-Control"]


def test_counting_drops_the_cached_count_json(client, petition, make_signatures):
    client.get(f"/petitions/{petition.petition_key}/count.json")
    make_signatures(3)
    counting.update_counts()
    assert client.get(f"/petitions/{petition.petition_key}/count.json").json()["count"] == 3
