"""Generated bad input for the comparison, the voting guide and its no-JavaScript result (values from
tests/hostile.py): no 5xx, and the result view writes nothing."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from elections.models import Party, Position
from tests.hostile import WRONG_BODIES, WRONG_METHODS, hostile, hostile_bytes, no_server_error, post_form, query

from .conftest import PAGE_EN, PAGE_NL

pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")

PAGES = [PAGE_NL, PAGE_NL + "stemhulp/", PAGE_EN, PAGE_EN + "guide/", PAGE_EN + "open-data/json/"]
PARAMETERS = ["parties", "theme", "party", "page", "unexpected"]


@hostile
@given(
    page=st.sampled_from(PAGES),
    values=st.dictionaries(st.sampled_from(PARAMETERS), hostile_bytes, max_size=4),
    repeated=st.lists(hostile_bytes, max_size=4),
)
def test_hostile_query_parameters_on_the_comparison_and_the_guide(client, comparison_page, page, values, repeated):
    url = f"{page}?{query(values)}" + "".join(f"&{query({'parties': value})}" for value in repeated)
    no_server_error(client.get(url), url)


@hostile
@given(
    values=st.dictionaries(
        st.sampled_from(["answer-S01", "answer-S02", "important-S01", "dealbreaker-S02", "answer-S99", "x"])
        | hostile_bytes.map(lambda value: value.decode("utf-8", "replace")),
        hostile_bytes,
        max_size=6,
    ),
    language=st.sampled_from(["nl", "en"]),
)
def test_a_hostile_guide_result_post_writes_nothing(client, comparison_page, values, language):
    from django.utils import translation

    with translation.override(language):
        url = reverse("elections:guide_result", args=[comparison_page.pk])
    before = (Party.objects.count(), Position.objects.count())
    body = "&".join(f"{query({key: value})}" for key, value in values.items() if key)
    response = no_server_error(
        client.generic("POST", url, body.encode("ascii"), content_type="application/x-www-form-urlencoded"), values
    )
    assert response.status_code == 200
    assert (Party.objects.count(), Position.objects.count()) == before
    assert not client.session.keys()


@hostile
@given(page_id=hostile_bytes, answer=hostile_bytes)
def test_a_hostile_page_id_in_the_result_url(client, comparison_page, page_id, answer):
    from urllib.parse import quote_from_bytes

    url = f"/nl/elections/guide/{quote_from_bytes(page_id, safe='')}/result/"
    no_server_error(post_form(client, url, {"answer-S01": answer}), url)
    no_server_error(client.get(url), url)


@pytest.mark.parametrize("content_type, body", WRONG_BODIES)
def test_the_result_with_a_wrong_content_type(client, comparison_page, content_type, body):
    url = reverse("elections:guide_result", args=[comparison_page.pk])
    assert no_server_error(client.generic("POST", url, body, content_type=content_type)).status_code in (200, 400)


@pytest.mark.parametrize("method", WRONG_METHODS)
def test_the_result_with_a_wrong_method(client, comparison_page, method):
    url = reverse("elections:guide_result", args=[comparison_page.pk])
    assert client.generic(method, url, b"answer-S01=agree").status_code == 405
