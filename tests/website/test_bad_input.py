"""Generated bad input for the public pages that take query parameters: the indexes, search, and any path
(values from tests/hostile.py). Whatever comes in, no 5xx. The forms and JSON endpoints of the apps have
their own: tests/petitions, tests/donations and tests/elections test_bad_input.py."""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.campaigns.conftest import module_campaign_index, module_campaigns  # noqa: F401 (fixtures)
from tests.hostile import WRONG_METHODS, hostile, hostile_bytes, no_server_error, query
from tests.projects.conftest import (  # noqa: F401 (fixtures)
    module_funder,
    module_partner,
    module_project_index,
    module_projects,
)

pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")

INDEXES = {
    "/nl/campagnes/": ["year", "status", "page"],
    "/en/campaigns/": ["year", "status", "page"],
    "/nl/projecten/": ["country", "region", "status", "funder", "page"],
    "/en/projects/": ["country", "region", "status", "funder", "page"],
    "/nl/search/": ["query", "page"],
    "/en/search/": ["query", "page"],
}


@pytest.fixture
def site(module_campaigns, module_projects, module_about, fresh):  # noqa: F811
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    return fresh(module_campaigns)


# The exact inputs from issue 10 that answered 500.
@pytest.mark.parametrize(
    "url",
    [
        "/nl/campagnes/?year=%C2%B2",
        "/nl/search/?query=%00",
        "/nl/search/?query=a%00b",
        "/en/search/?query=%00",
        "/en/search/?query=a%00b",
    ],
)
def test_the_inputs_that_were_a_500(client, site, url):
    assert client.get(url).status_code == 200


@hostile
@given(
    index=st.sampled_from(sorted(INDEXES)),
    data=st.data(),
)
def test_hostile_query_parameters_on_the_indexes_and_search(client, site, index, data):
    names = st.sampled_from([*INDEXES[index], "unexpected"])
    values = data.draw(st.dictionaries(names, hostile_bytes, max_size=4))
    url = f"{index}?{query(values)}"
    response = no_server_error(client.get(url), url)
    assert response.status_code == 200


@hostile
@given(segment=hostile_bytes, language=st.sampled_from(["nl", "en", "de", ""]), tail=hostile_bytes)
def test_any_path_is_a_page_or_a_404(client, site, segment, language, tail):
    url = f"/{language}/{quote_from_bytes(segment, safe='')}/?{query({'q': tail})}"
    no_server_error(client.get(url), url)


@pytest.mark.parametrize("url", ["/nl/search/", "/healthz", "/robots.txt", "/sitemap.xml", "/nl/campagnes/"])
@pytest.mark.parametrize("method", [*WRONG_METHODS, "POST"])
def test_public_urls_with_a_wrong_method(client, site, url, method):
    response = no_server_error(client.generic(method, url, b"\x00\xff"), url)
    if url in ("/nl/search/", "/healthz", "/robots.txt"):
        assert response.status_code == 405
