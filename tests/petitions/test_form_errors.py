"""A failed signature: every error is tied to its field, summed up at the top with links, and the
page title says there is an error (GOV.UK's error summary pattern)."""

import re

import pytest

from .test_signing import form_data, sign_url

pytestmark = pytest.mark.django_db


def ids(content):
    return set(re.findall(r'\sid="([^"]+)"', content))


def described_by(content):
    """{element id: [ids it is described by]} for every element with aria-describedby."""
    found = {}
    for tag in re.findall(r"<(?:input|select|textarea|fieldset)\b[^>]*>", content):
        target = re.search(r'aria-describedby="([^"]+)"', tag)
        if target:
            found[re.search(r'\sid="([^"]+)"', tag).group(1) if " id=" in tag else tag] = target.group(1).split()
    return found


def title(content):
    return re.search(r"<title>(.*?)</title>", content, re.S).group(1).strip()


def test_every_error_is_tied_to_its_field_and_summed_up_with_links(client, petition, amsterdam):
    data = form_data(petition, name="", email="not-an-address", municipality="", consent=None)
    response = client.post(sign_url(petition, "en"), data)
    content = response.content.decode()
    assert response.status_code == 400
    fields = described_by(content)
    for field in ("id_name", "id_email", "id_municipality", "id_consent"):
        assert fields[field] == [f"{field}_error"], field
        assert f"{field}_error" in ids(content), field
    summary = re.search(r'<div class="error-summary"[^>]*>.*?</div>', content, re.S).group(0)
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary and "autofocus" in summary
    assert re.findall(r'<a href="#([^"]+)">', summary) == ["id_name", "id_email", "id_municipality", "id_consent"]
    assert title(content).startswith("Error: ")


def test_the_dutch_page_title_says_fout(client, petition, amsterdam):
    content = client.post(sign_url(petition), form_data(petition, email="")).content.decode()
    assert title(content).startswith("Fout: ")
    assert '<a href="#id_email">' in content


def test_the_chosen_municipality_stays_selected_after_an_error(client, petition, amsterdam):
    content = client.post(sign_url(petition, "en"), form_data(petition, email="")).content.decode()
    select = re.search(r"<select\b.*?</select>", content, re.S).group(0)
    assert re.findall(r"<option [^>]*selected[^>]*>([^<]*)<", select) == ["Amsterdam"]
    assert len(re.findall(r"<option ", select)) == 343  # the empty choice and the 342 municipalities


def test_an_unknown_municipality_code_selects_nothing_and_is_an_error(client, petition, amsterdam):
    content = client.post(sign_url(petition, "en"), form_data(petition, municipality="<b>GM9999")).content.decode()
    select = re.search(r"<select\b.*?</select>", content, re.S).group(0)
    assert "selected" not in select and "<b>" not in select
    assert described_by(content)["id_municipality"] == ["id_municipality_error"]
