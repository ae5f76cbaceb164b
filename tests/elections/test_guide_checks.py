from django.urls import reverse

from elections.guide_checks import indistinguishable_pairs, missing_answers, unanimous_statements
from elections.models import StatementAnswer

STATEMENTS = ["s1", "s2"]


def test_parties_with_the_same_answer_everywhere_cannot_be_told_apart():
    positions = {
        "a": {"s1": "agree", "s2": "disagree"},
        "b": {"s1": "agree", "s2": "disagree"},
        "c": {"s1": "agree", "s2": "neutral"},
    }
    assert indistinguishable_pairs(["a", "b", "c"], STATEMENTS, positions) == [("a", "b")]


def test_a_statement_everyone_answered_alike_is_unanimous():
    positions = {"a": {"s1": "agree", "s2": "agree"}, "b": {"s1": "agree", "s2": "disagree"}}
    assert unanimous_statements(["a", "b"], STATEMENTS, positions) == [("s1", "agree")]


def test_a_missing_answer_is_not_unanimity_but_is_listed():
    positions = {"a": {"s1": "agree"}, "b": {"s1": "agree", "s2": "agree"}}
    assert unanimous_statements(["a", "b"], STATEMENTS, positions) == [("s1", "agree")]
    assert missing_answers(["a", "b"], STATEMENTS, positions) == [("s2", ["a"])]


def test_no_statements_no_warnings():
    assert indistinguishable_pairs(["a", "b"], [], {}) == []
    assert unanimous_statements(["a"], STATEMENTS, {"a": {"s1": "agree"}}) == []


def test_admin_report_lists_indistinguishable_parties_and_unanimous_statements(admin_client, statements, parties):
    # Make Gamma answer like Beta everywhere, and every party agree on S03.
    for code, answer in [("S01", "disagree"), ("S02", "neutral"), ("S03", "agree")]:
        StatementAnswer.objects.filter(statement=statements[code], party=parties["CP"]).update(answer=answer)
    StatementAnswer.objects.filter(statement=statements["S03"]).update(answer="agree")
    response = admin_client.get(reverse("guide_checks:index"))
    assert response.status_code == 200
    report = response.context["reports"][0]
    assert report["indistinguishable"] == [("Beta Partij", "Gamma Partij")]
    assert [statement.code for statement, _answer in report["unanimous"]] == ["S03"]


def test_a_clean_guide_reports_nothing(admin_client, statements):
    report = admin_client.get(reverse("guide_checks:index")).context["reports"][0]
    assert report["indistinguishable"] == [] and report["unanimous"] == [] and report["missing"] == []


def test_saving_a_statement_warns_when_every_party_answers_it_alike(admin_client, statements, parties):
    from wagtail.admin.admin_url_finder import AdminURLFinder
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    statement = statements["S01"]
    answers = [
        {"id": answer.pk, "party": answer.party_id, "answer": "agree", "explanation": answer.explanation}
        for answer in statement.answers.all()
    ]
    data = nested_form_data(
        {
            "election": statement.election_id,
            "theme": statement.theme_id,
            "code": "S01",
            "sort_order": statement.sort_order,
            "text": statement.text,
            "explanation": "",
            "answers": inline_formset(answers, initial=len(answers)),
        }
    )
    response = admin_client.post(AdminURLFinder().get_edit_url(statement), data, follow=True)
    warnings = [str(message) for message in response.context["messages"]]
    assert any("S01" in warning for warning in warnings), warnings
