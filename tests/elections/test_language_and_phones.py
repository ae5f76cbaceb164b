"""The comparison and the guide in the other language, and on a phone (stacked cards)."""

import re

from .conftest import PAGE_EN, PAGE_NL

GUIDE_NL = PAGE_NL + "stemhulp/"
GUIDE_EN = PAGE_EN + "guide/"


def switcher_link(content, code):
    return re.search(rf'<a href="([^"]*)" hreflang="{code}"', content).group(1).replace("&amp;", "&")


def alternate(content, code):
    return re.search(rf'<link rel="alternate" hreflang="{code}" href="http://testserver([^"]*)"', content).group(1)


def test_the_guide_switches_language_to_the_guide(client, comparison_page, english_page):
    dutch = client.get(GUIDE_NL).content.decode()
    assert switcher_link(dutch, "en") == GUIDE_EN
    assert alternate(dutch, "en") == GUIDE_EN and alternate(dutch, "nl") == GUIDE_NL
    english = client.get(GUIDE_EN).content.decode()
    assert switcher_link(english, "nl") == GUIDE_NL
    assert alternate(english, "nl") == GUIDE_NL


def test_the_comparison_switches_language_keeping_its_view(client, comparison_page, english_page):
    content = client.get(PAGE_NL + "?theme=opvang&parties=ap,cp&utm_source=x").content.decode()
    assert switcher_link(content, "en") == PAGE_EN + "?theme=opvang&parties=ap,cp"
    content = client.get(PAGE_EN + "?party=bp").content.decode()
    assert switcher_link(content, "nl") == PAGE_NL + "?party=bp"
    assert switcher_link(client.get(PAGE_NL).content.decode(), "en") == PAGE_EN


def test_every_cell_of_the_comparison_names_its_party_for_stacked_cards(client, comparison_page):
    content = client.get(PAGE_NL).content.decode()
    table = re.search(r'<table class="matrix stack-table".*?</table>', content, re.S).group(0)
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", table, re.S)
    assert rows
    for row in rows:
        assert re.findall(r'<td data-label="([^"]*)">', row) == ["Alfa Partij", "Beta Partij", "Gamma Partij"]


def test_the_answers_next_to_the_partys_name_their_column(client, comparison_page):
    from django.urls import reverse

    response = client.post(reverse("elections:guide_result", args=[comparison_page.pk]), {"answer-S01": "agree"})
    content = response.content.decode()
    assert 'class="answers-table stack-table"' in content
    assert '<td data-label="Jij">' in content and '<td data-label="De partij">' in content
    # The guide's own template rows (filled in by elections.js) carry the same labels.
    guide = client.get(GUIDE_NL).content.decode()
    assert 'data-slot="yours" data-label="Jij"' in guide and 'data-slot="theirs" data-label="De partij"' in guide


def test_dates_are_written_the_same_way_in_each_language(client, comparison_page, english_page):
    assert "1 February 2026" in client.get(PAGE_EN + "?theme=opvang").content.decode()
    assert "1 februari 2026" in client.get(PAGE_NL + "?theme=opvang").content.decode()
