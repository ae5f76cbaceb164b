"""The donate block: the donate page's form inside another page's stream, in the page's language."""

import pytest
from django.utils import translation

from giving.blocks import DonateBlock

pytestmark = pytest.mark.django_db


def render(page, language="nl"):
    block = DonateBlock()
    value = block.to_python({"heading": "Geef maandelijks", "text": "Elke maand helpt.", "page": page.pk})
    with translation.override(language):
        return block.render(value)


def test_the_block_shows_the_donate_pages_form_posting_to_its_endpoint(donate_page, english):
    html = render(donate_page)
    assert f'action="/nl/giving/{donate_page.pk}/give/"' in html
    assert 'name="frequency"' in html and 'id="donate-block-email"' in html and "Geef maandelijks" in html
    english_html = render(donate_page, "en")
    assert f'action="/en/giving/{donate_page.get_translation(english).pk}/give/"' in english_html


def test_the_block_of_an_unpublished_donate_page_shows_nothing(donate_page):
    donate_page.unpublish()
    assert render(donate_page).strip() == ""
