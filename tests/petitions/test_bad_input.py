"""Generated bad input for the petition's public endpoints (values from tests/hostile.py): no 5xx, and a
rejected signature writes no row."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petitions.models import Signature
from tests.hostile import WRONG_BODIES, WRONG_METHODS, hostile, hostile_bytes, no_server_error, post_form, query

from .test_signing import form_data, sign_url

pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")

FIELDS = [
    "name",
    "email",
    "municipality",
    "postcode",
    "comment",
    "consent",
    "consent_version",
    "website",
    "form_ms",
    "newsletter",
    "notify_on_response",
]


@pytest.fixture
def petition(module_petition, fresh):
    return fresh(module_petition)


def valid(petition):
    return {name: str(value).encode() for name, value in form_data(petition).items()}


def post_and_check(client, url, values, **extra):
    before = Signature.objects.count()
    response = no_server_error(post_form(client, url, values, **extra), values)
    if response.status_code != 302:
        assert Signature.objects.count() == before, f"a rejected signature ({response.status_code}) wrote a row"
    return response


@hostile
@given(field=st.sampled_from([*FIELDS, "unexpected"]), value=hostile_bytes, language=st.sampled_from(["nl", "en"]))
def test_one_hostile_field_in_the_sign_form(client, petition, field, value, language):
    post_and_check(client, sign_url(petition, language), {**valid(petition), field: value})


@hostile
@given(values=st.fixed_dictionaries({name: hostile_bytes for name in FIELDS}))
def test_every_field_of_the_sign_form_hostile(client, petition, values):
    post_and_check(client, sign_url(petition), values)


@pytest.mark.parametrize("content_type, body", WRONG_BODIES)
def test_the_sign_form_with_a_wrong_content_type(client, petition, content_type, body):
    response = no_server_error(client.generic("POST", sign_url(petition), body, content_type=content_type))
    assert response.status_code == 400
    assert not Signature.objects.exists()


@pytest.mark.parametrize("method", WRONG_METHODS)
def test_the_sign_url_with_a_wrong_method(client, petition, method):
    assert client.generic(method, sign_url(petition), b"name=x").status_code == 405


@hostile
@given(token=hostile_bytes, method=st.sampled_from(["GET", "POST"]), language=st.sampled_from(["nl", "en"]))
def test_a_hostile_confirmation_token(client, petition, token, method, language):
    url = f"/{language}/petitions/confirm/{quote_from_bytes(token, safe='')}/"
    response = no_server_error(client.generic(method, url), url)
    assert response.status_code in (301, 302, 400, 404, 405, 410)


@hostile
@given(key=hostile_bytes, by=hostile_bytes)
def test_a_hostile_petition_key_and_count_parameter(client, petition, key, by):
    for url in [
        f"/petitions/{quote_from_bytes(key, safe='')}/count.json?{query({'by': by})}",
        f"/nl/petitions/{quote_from_bytes(key, safe='')}/thanks/",
        f"/en/petitions/{quote_from_bytes(key, safe='')}/sign/",
        f"/en/petitions/{quote_from_bytes(key, safe='')}/municipalities/",
    ]:
        no_server_error(client.get(url), url)
    no_server_error(client.get(f"/petitions/{petition.petition_key}/count.json?{query({'by': by})}"))


@hostile
@given(value=hostile_bytes)
def test_a_hostile_form_timing_never_refuses_the_signer(client, petition, value):
    # The timing is a signal for abuse control, never a reason to refuse (it was a 500 and a 400).
    response = post_and_check(client, sign_url(petition), {**valid(petition), "form_ms": value})
    assert response.status_code == 302


@hostile
@given(header=hostile_bytes, proxies=st.integers(min_value=1, max_value=3))
def test_a_hostile_forwarded_for_header(client, petition, settings, header, proxies):
    settings.NUM_PROXIES = proxies
    response = post_and_check(
        client, sign_url(petition), valid(petition), HTTP_X_FORWARDED_FOR=header.decode("latin-1")
    )
    assert response.status_code == 302
