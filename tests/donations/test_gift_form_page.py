"""The gift page as a donor meets it: errors tied to their fields and summed up, numbers and words
in the page's language, the squares option only where it can work."""

import re

import pytest

from .conftest import give_url

pytestmark = pytest.mark.django_db


def title(content):
    return re.search(r"<title>(.*?)</title>", content, re.S).group(1).strip()


def test_errors_are_tied_to_their_fields_and_summed_up_with_links(give, english_ad):
    response = give(english_ad, "en", choice="amount", amount="", email="nope", consent=None)
    content = response.content.decode()
    assert response.status_code == 400
    for field in ("gift_amount", "gift_email", "gift_consent"):
        tag = re.search(rf'<input [^>]*id="{field}"[^>]*>', content).group(0)
        assert f'aria-describedby="{field}_error"' in tag, field
        assert f'id="{field}_error"' in content, field
    summary = re.search(r'<div class="error-summary"[^>]*>.*?</div>', content, re.S).group(0)
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    assert re.findall(r'<a href="#([^"]+)">', summary) == ["gift_amount", "gift_email", "gift_consent"]
    assert title(content).startswith("Error: ")


def test_the_title_says_fout_in_dutch_and_a_missing_square_links_to_the_squares(give, ad):
    content = give(ad, choice="cells", cells="").content.decode()
    assert title(content).startswith("Fout: ")
    assert f'<a href="#gift-cells-{ad.pk}">' in content and f'id="gift-cells-{ad.pk}"' in content


def test_english_errors_write_amounts_the_english_way(give, english_ad, ad):
    english = give(english_ad, "en", choice="amount", amount="").content.decode()
    assert "e.g. 12.50" in english and "12,50" not in english
    dutch = give(ad, choice="amount", amount="tien").content.decode()
    assert "schrijf het als 12,50" in dutch


def test_the_squares_hint_says_choose_not_click(client, ad, english_ad):
    english = client.get(give_url(english_ad, "en")).content.decode()
    assert "Choose free squares on the canvas: tap or click them" in english and "Click free" not in english
    assert "Kies vrije vakjes in het vlak: tik of klik erop" in client.get(give_url(ad)).content.decode()


def test_without_a_choice_of_squares_their_option_is_hidden_until_the_script_shows_it(client, ad):
    content = client.get(give_url(ad)).content.decode()
    assert re.search(r'<div class="gift-form__option" id="gift-cells-\d+" data-cells-option hidden>', content)
