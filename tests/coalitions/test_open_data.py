"""A petition's open data (data.json): total, per municipality, responses, updated_at; cached; bad keys 404 JSON."""

import datetime

import pytest
from django.utils import timezone

from petitions import counting
from petitions.models import Municipality, PaperSignatures, ResponseStatus, SignatureStatus, TargetResponse


def data_url(petition):
    return f"/petitions/{petition.petition_key}/data.json"


@pytest.fixture
def signed(petition, new_signature, amsterdam):
    utrecht = Municipality.objects.get(cbs_code="GM0344")
    confirmed = {"status": SignatureStatus.CONFIRMED, "confirmed_at": timezone.now()}
    new_signature("Ada", **confirmed)
    new_signature("Bo", **confirmed)
    new_signature("Cas", municipality=utrecht, **confirmed)
    new_signature("Dirk")  # pending: not in the figures
    new_signature("Eve", status=SignatureStatus.INVALIDATED)  # not in the figures either
    PaperSignatures.objects.create(petition_key=petition.petition_key, count=5, municipality=utrecht, note="markt")
    counting.update_counts()
    return utrecht


def test_the_dataset_has_the_total_per_municipality_responses_and_when(client, petition, signed, amsterdam):
    TargetResponse.objects.create(
        petition_key=petition.petition_key,
        municipality=amsterdam,
        status=ResponseStatus.SAID_YES,
        responded_on=datetime.date(2026, 3, 1),
        source_url="https://example.org/raad",
    )
    data = client.get(data_url(petition)).json()
    assert (data["total"], data["confirmed"], data["paper"]) == (8, 3, 5)
    assert data["municipalities"] == [
        {"cbs_code": "GM0344", "name": "Utrecht", "count": 6},
        {"cbs_code": "GM0363", "name": "Amsterdam", "count": 2},
    ]
    (response,) = data["responses"]
    assert (response["cbs_code"], response["status"], response["responded_on"]) == ("GM0363", "said_yes", "2026-03-01")
    assert data["petition"]["title"] == {"en": "Bring 500 children here", "nl": "Haal 500 kinderen hierheen"}
    assert data["updated_at"]
    assert "Ada" not in str(data) and "example.org/raad" in str(data)  # no signer in it


def test_the_dataset_is_public_cacheable_and_open_to_other_sites(client, petition):
    response = client.get(data_url(petition))
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("key", ["nope", "00000000-0000-4000-8000-000000000000", "1' OR '1'='1", "%00", "x" * 300])
def test_a_bad_or_unknown_key_is_a_404_in_json(client, db, key):
    response = client.get(f"/petitions/{key}/data.json")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_a_post_is_refused(client, petition):
    assert client.post(data_url(petition)).status_code == 405


def test_a_warm_dataset_costs_no_query(client, petition, signed, django_assert_num_queries):
    client.get(data_url(petition))
    with django_assert_num_queries(0):
        assert client.get(data_url(petition)).json()["total"] == 8


def test_a_cold_dataset_costs_the_same_few_queries_however_many_municipalities(
    client, petition, signed, new_signature, django_assert_max_num_queries
):
    from django.core.cache import cache

    for code in ("GM0014", "GM0034", "GM0037", "GM0047"):
        new_signature(
            f"N{code}", municipality=Municipality.objects.get(cbs_code=code), status=SignatureStatus.CONFIRMED
        )
    cache.clear()
    with django_assert_max_num_queries(9):  # petition, settings, counts, paper, municipalities, responses
        data = client.get(data_url(petition)).json()
    assert len(data["municipalities"]) == 6
