"""Checks for editors: whether the voting guide's statements can tell the parties apart.

Pure functions over the matching input (parties, statements, {party: {statement: answer}}).
"""

from itertools import combinations


def indistinguishable_pairs(parties, statements, positions):
    """Pairs of parties that answered every statement the same way: the guide cannot separate them."""
    if not statements:
        return []
    return [
        (first, second)
        for first, second in combinations(parties, 2)
        if all(
            positions.get(first, {}).get(statement) == positions.get(second, {}).get(statement)
            for statement in statements
        )
    ]


def unanimous_statements(parties, statements, positions):
    """[(statement, answer)] for statements every party answered alike: they bring no party closer."""
    if len(parties) < 2:
        return []
    found = []
    for statement in statements:
        answers = {positions.get(party, {}).get(statement) for party in parties}
        if len(answers) == 1 and None not in answers:
            found.append((statement, answers.pop()))
    return found


def missing_answers(parties, statements, positions):
    """[(statement, [parties])] for statements some parties have not answered (yet)."""
    found = []
    for statement in statements:
        silent = [party for party in parties if statement not in positions.get(party, {})]
        if silent:
            found.append((statement, silent))
    return found


def check(guide):
    """All checks on one election's guide input (see elections.comparison.guide_input)."""
    args = (guide["parties"], guide["statements"], guide["positions"])
    return {
        "indistinguishable": indistinguishable_pairs(*args),
        "unanimous": unanimous_statements(*args),
        "missing": missing_answers(*args),
    }
