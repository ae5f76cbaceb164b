import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.views.debug import SafeExceptionReporterFilter

from elections import comparison
from elections.matching import match

from .conftest import PAGE_EN, PAGE_NL

GUIDE_NL = PAGE_NL + "stemhulp/"
GUIDE_EN = PAGE_EN + "guide/"
ANSWERS = {
    "answer-S01": "agree",
    "answer-S02": "disagree",
    "answer-S03": "skip",
    "important-S01": "1",
    "dealbreaker-S02": "1",
}


def result_url(page):
    return reverse("elections:guide_result", args=[page.pk])


def guide_data(response):
    return json.loads(
        re.search(
            r'<script id="guide-data" type="application/json">(.*?)</script>', response.content.decode(), re.S
        ).group(1)
    )


def test_guide_asks_every_statement_with_agree_neutral_disagree_or_skip(client, comparison_page):
    response = client.get(GUIDE_NL)
    assert response.status_code == 200
    content = response.content.decode()
    for code in ["S01", "S02", "S03"]:
        assert f'id="statement-{code}"' in content
        for value in ["agree", "neutral", "disagree", "skip"]:
            assert f'name="answer-{code}" value="{value}"' in content
        assert f'name="important-{code}"' in content and f'name="dealbreaker-{code}"' in content
    assert "<fieldset" in content and "<legend" in content


def test_guide_form_posts_to_the_result_view_and_carries_no_token_or_answers(client, comparison_page):
    content = client.get(GUIDE_NL).content.decode()
    assert f'method="post" action="{result_url(comparison_page)}"' in content
    assert "csrfmiddlewaretoken" not in content


def test_guide_page_carries_the_parties_answers_for_the_browser(client, comparison_page):
    data = guide_data(client.get(GUIDE_EN))
    assert data["parties"] == ["ap", "bp", "cp"]
    assert data["statements"] == ["S01", "S02", "S03"]
    assert data["positions"]["bp"] == {"S01": "disagree", "S02": "neutral", "S03": "agree"}
    assert data["explanations"]["ap"]["S01"] == "Explanation AP on S01."
    assert data["texts"]["S02"] == "Bed, bath and bread stays."


def test_guide_page_is_served_from_the_page_cache(client, comparison_page, django_assert_num_queries):
    first = client.get(GUIDE_NL)
    with django_assert_num_queries(0):
        assert client.get(GUIDE_NL).content == first.content


def test_guide_renders_within_its_query_budget(client, comparison_page, english_page, django_assert_max_num_queries):
    with django_assert_max_num_queries(24):
        assert client.get(GUIDE_EN).status_code == 200


# Without JavaScript --------------------------------------------------------------------------------


def test_result_without_javascript_ranks_the_parties_like_the_matching_function(client, comparison_page):
    response = client.post(result_url(comparison_page), ANSWERS)
    assert response.status_code == 200
    ranked = [row["party"] for row in response.context["results"]]
    data = comparison.guide_input(
        comparison.load(comparison_page.election, comparison_page.locale, with_statements=True)
    )
    expected = match(
        data["parties"], data["statements"], data["positions"], {"S01": "agree", "S02": "disagree"}, {"S01"}, {"S02"}
    )
    # Alfa agrees on what matters most, but broke the dealbreaker: it comes after Gamma.
    assert ranked == [row["party"] for row in expected] == ["cp", "ap", "bp"]
    assert [row["percent"] for row in response.context["results"]] == [row["percent"] for row in expected]


def test_result_shows_each_partys_explanation_next_to_the_visitors_answer(client, english_page, in_english):
    content = client.post(result_url(english_page), ANSWERS).content.decode()
    assert "Explanation BP on S01." in content
    assert "Answered differently on your dealbreaker" in content


def test_result_is_never_cached_and_sets_no_cookie(client, comparison_page):
    response = client.post(result_url(comparison_page), ANSWERS)
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies
    assert "sessionid" not in client.cookies


def test_result_writes_nothing_to_the_database(client, comparison_page):
    with CaptureQueriesContext(connection) as queries:
        assert client.post(result_url(comparison_page), ANSWERS).status_code == 200
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))
    ]
    assert writes == []


def test_result_logs_nothing_of_the_answers(client, comparison_page, log_records):
    marked = {**ANSWERS, "answer-S03": "neutral"}
    client.post(result_url(comparison_page), marked)
    logged = log_records.text()
    for name, value in marked.items():
        assert f"{name}={value}" not in logged and f"'{name}': ['{value}']" not in logged
    assert "disagree" not in logged and "neutral" not in logged


def test_error_reports_would_hide_every_answer(rf, comparison_page):
    from elections.views import guide_result

    request = rf.post(result_url(comparison_page), ANSWERS)
    guide_result(request, comparison_page.pk)
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert all(value != ANSWERS[name] for name, value in cleaned.items())


def test_result_needs_no_csrf_token(comparison_page):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(result_url(comparison_page), ANSWERS).status_code == 200


@pytest.mark.parametrize("language, guide", [("nl", GUIDE_NL), ("en", GUIDE_EN)])
def test_reloading_the_result_without_answers_goes_back_to_the_guide(client, comparison_page, language, guide):
    with translation.override(language):
        url = result_url(comparison_page)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == guide
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert client.get(response["Location"]).status_code == 200


def test_result_takes_no_other_method(client, comparison_page):
    assert client.put(result_url(comparison_page)).status_code == 405


@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"answer-S01": "maybe"},
        {"answer-S99": "agree"},
        {"answer-S01": "agree" * 1000},
        {"important-S01": "1", "dealbreaker-S02": "yes"},
    ],
)
def test_garbage_answers_count_as_skipped(client, comparison_page, answers):
    response = client.post(result_url(comparison_page), answers)
    assert response.status_code == 200
    assert response.context["answered"] == (0 if "answer-S01" not in answers or answers["answer-S01"] != "agree" else 1)


def test_skipping_everything_says_so(client, english_page, in_english):
    content = client.post(result_url(english_page), {}).content.decode()
    assert "nothing to match" in content


def test_result_of_an_unknown_or_unpublished_page_is_a_404(client, comparison_page):
    assert client.post(reverse("elections:guide_result", args=[999999]), ANSWERS).status_code == 404
    comparison_page.unpublish()
    assert client.post(result_url(comparison_page), ANSWERS).status_code == 404
