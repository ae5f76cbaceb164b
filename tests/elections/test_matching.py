"""The voting guide's matching: one set of cases for the Python and the JavaScript version.

The guide runs in the browser (static/js/elections.js) and, without JavaScript, on the server
(elections/matching.py). Both must give the same result for the same answers, so both run on
matching_cases.json, and on a few hundred random inputs compared with each other.
"""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from elections.matching import match

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CASES = json.loads((HERE / "matching_cases.json").read_text())["cases"]
SCRIPT = REPO / "static" / "js" / "elections.js"
NODE_RUNNER = """
const { match } = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const results = JSON.parse(input).map((i) =>
    match(i.parties, i.statements, i.positions, i.answers, i.important, i.dealbreakers));
  process.stdout.write(JSON.stringify(results));
});
"""


def run_python(given):
    return match(
        given["parties"],
        given["statements"],
        given["positions"],
        given["answers"],
        set(given["important"]),
        set(given["dealbreakers"]),
    )


def run_javascript(inputs):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the JavaScript matching cannot be compared (apt-get install nodejs)")
    done = subprocess.run(
        [node, "-e", NODE_RUNNER, str(SCRIPT)], input=json.dumps(inputs), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def javascript_results():
    return run_javascript([case["input"] for case in CASES])


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_python_matching_gives_the_expected_result(case):
    assert run_python(case["input"]) == case["expected"]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case["name"] for case in CASES])
def test_javascript_matching_gives_the_expected_result(javascript_results, index):
    assert javascript_results[index] == CASES[index]["expected"]


def random_input(rng):
    statements = [f"s{number}" for number in range(rng.randint(0, 8))]
    parties = [f"p{number}" for number in range(rng.randint(0, 6))]
    choices = ["agree", "neutral", "disagree", None]
    positions = {party: {s: answer for s in statements if (answer := rng.choice(choices))} for party in parties}
    answers = {s: answer for s in statements if (answer := rng.choice([*choices, "skip"]))}
    return {
        "parties": parties,
        "statements": statements,
        "positions": positions,
        "answers": answers,
        "important": [s for s in statements if rng.random() < 0.3],
        "dealbreakers": [s for s in statements if rng.random() < 0.15],
    }


def test_python_and_javascript_agree_on_random_answers():
    rng = random.Random(2026)
    inputs = [random_input(rng) for _ in range(400)]
    assert run_javascript(inputs) == [run_python(given) for given in inputs]


def test_matching_does_not_change_its_input():
    given = CASES[7]["input"]
    before = json.dumps(given, sort_keys=True)
    run_python(given)
    assert json.dumps(given, sort_keys=True) == before
