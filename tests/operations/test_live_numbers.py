"""Live numbers behind a CDN: count.json and the canvas JSON may be kept by shared caches for seconds only."""

import re

from donations.models import DonationAd
from petitions.models import Petition
from tests.donations.conftest import ad_values
from tests.petitions.conftest import petition_values


def s_maxage(response):
    return int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))


def test_count_json_tells_shared_caches_to_keep_it_seconds_only(client, seeder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        petition = seeder.snippet(Petition, petition_values, {"title": "Haal 500 kinderen hierheen"})
    response = client.get(f"/petitions/{petition.petition_key}/count.json")
    assert response.status_code == 200 and 0 < s_maxage(response) <= 10


def test_canvas_json_tells_shared_caches_to_keep_it_seconds_only(client, seeder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ad = seeder.snippet(DonationAd, ad_values, {"title": "Gelijke nood"})
    response = client.get(f"/donations/{ad.ad_key}/canvas.json")
    assert response.status_code == 200 and 0 < s_maxage(response) <= 10
