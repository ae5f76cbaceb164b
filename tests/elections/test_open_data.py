import csv
import io
import json

from .conftest import PAGE_EN, PAGE_NL


def rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_positions_csv_has_every_position_with_its_quote_and_source(client, comparison_page):
    response = client.get(PAGE_NL + "open-data/positions-csv/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    found = rows(response)
    assert len(found) == 5
    alfa = next(row for row in found if row["party"] == "AP" and row["theme"] == "opvang")
    assert alfa["quote"] == "Iedereen welkom in Testdorp."
    assert alfa["page"] == "7" and alfa["source_url"].startswith("https://example.org/")
    corrected = next(row for row in found if row["party"] == "BP" and row["theme"] == "opvang")
    assert "2026-02-01" in corrected["corrections"]


def test_open_data_is_public_and_cacheable(client, comparison_page):
    response = client.get(PAGE_NL + "open-data/positions-csv/")
    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]


def test_english_csv_has_english_texts_and_the_original_quote(client, comparison_page, english_page):
    found = rows(client.get(PAGE_EN + "open-data/positions-csv/"))
    alfa = next(row for row in found if row["party"] == "AP" and row["theme"] == "opvang")
    assert alfa["summary"] == "Summary."
    assert alfa["quote"] == "Iedereen welkom in Testdorp."
    assert alfa["quote_translation"] == "Everyone welcome in Testville."


def test_csv_cells_that_look_like_formulas_are_neutralised(client, comparison_page, positions):
    position = positions[("AP", "terugkeer")]
    position.summary = '=HYPERLINK("http://evil.example")'
    position.save()
    found = rows(client.get(PAGE_NL + "open-data/positions-csv/"))
    assert next(row for row in found if row["party"] == "AP" and row["theme"] == "terugkeer")["summary"].startswith(
        "'="
    )


def test_statements_csv_has_one_row_per_answer(client, comparison_page):
    found = rows(client.get(PAGE_NL + "open-data/statements-csv/"))
    assert len(found) == 9
    assert {row["code"] for row in found} == {"S01", "S02", "S03"}
    assert next(row for row in found if row["code"] == "S01" and row["party"] == "BP")["answer"] == "disagree"


def test_json_has_everything_in_the_page_language(client, comparison_page, english_page):
    response = client.get(PAGE_EN + "open-data/json/")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["language"] == "en"
    assert data["election"] == {"name": "Testville election", "date": "2026-03-18", "level": "municipal"}
    assert [party["abbreviation"] for party in data["parties"]] == ["AP", "BP", "CP"]
    assert len(data["positions"]) == 5 and len(data["statements"]) == 3
    beta = next(p for p in data["positions"] if p["party"] == "BP" and p["theme"] == "opvang")
    assert beta["corrections"][0]["previous_stance"] == "much_less"
    assert data["statements"][0]["answers"][0] == {
        "party": "AP",
        "answer": "agree",
        "explanation": "Explanation AP on S01.",
    }
    assert {stance["value"] for stance in data["stances"]} >= {"much_more", "not_addressed"}


def test_each_answer_is_translated_with_its_own_party(statements, english):
    """Answers built in code are numbered as the editor's form numbers them; otherwise they tie and
    PostgreSQL may read them back in another order than the English strings were given in."""
    for statement in statements.values():
        dutch = {answer.party_id: answer for answer in statement.answers.all()}
        assert sorted(answer.sort_order for answer in dutch.values()) == list(range(len(dutch)))
        for answer in statement.get_translation(english).answers.all():
            expected = dutch[answer.party_id].explanation.replace("Uitleg", "Explanation").replace(" bij ", " on ")
            assert answer.explanation == expected
