"""How close each party is to a visitor's answers: the one algorithm of the voting guide.

`static/js/elections.js` implements the same function for the browser, where the guide normally
runs; `tests/elections/matching_cases.json` runs both on the same cases, so they cannot disagree.
Change both and the cases together.

For every statement the visitor answered (skipped statements do not count):
- the same answer as the party: 2 points; one of the two neutral: 1 point; opposite answers: 0;
- a party that gave no answer: 1 point, so staying silent neither gains nor loses;
- a statement marked "extra important" counts twice.
The percentage is points out of the maximum, rounded half up, in whole numbers. Parties that
answered a dealbreaker differently from the visitor (or not at all) come after all the others,
whatever their percentage. Parties with the same score share a rank and keep the order they were
given in (the page gives them alphabetically), so no party is favoured by a tie.
"""

AGREE, NEUTRAL, DISAGREE = "agree", "neutral", "disagree"
ANSWERS = (AGREE, NEUTRAL, DISAGREE)
IMPORTANT_WEIGHT = 2


def points(visitor, party):
    if party not in ANSWERS:
        return 1
    if visitor == party:
        return 2
    if NEUTRAL in (visitor, party):
        return 1
    return 0


def percent(score, maximum):
    """Whole percent, half up, in integers (JavaScript's Math.round and Python's round differ)."""
    if not maximum:
        return None
    return (200 * score + maximum) // (2 * maximum)


def match(parties, statements, positions, answers, important=(), dealbreakers=()):
    """Rank `parties` (keys, in display order) by agreement with the visitor.

    `positions` maps party → {statement: answer}; `answers` maps statement → the visitor's answer
    (anything else, or missing, is a skipped statement); `important` and `dealbreakers` are
    statements. Returns one dict per party, best match first: party, score, maximum, percent
    (None when nothing was answered), rank, and the dealbreakers the party broke.
    """
    counted = [statement for statement in statements if answers.get(statement) in ANSWERS]
    weights = {statement: IMPORTANT_WEIGHT if statement in important else 1 for statement in counted}
    maximum = sum(2 * weight for weight in weights.values())
    rows = []
    for order, party in enumerate(parties):
        given = positions.get(party, {})
        score = sum(points(answers[statement], given.get(statement)) * weights[statement] for statement in counted)
        broken = [
            statement
            for statement in counted
            if statement in dealbreakers and given.get(statement) != answers[statement]
        ]
        rows.append(
            (
                bool(broken),
                -score,
                order,
                {
                    "party": party,
                    "score": score,
                    "maximum": maximum,
                    "percent": percent(score, maximum),
                    "rank": 0,
                    "dealbreakers": broken,
                },
            )
        )
    rows.sort(key=lambda row: row[:3])
    ranked, previous = [], None
    for position, (broke, negative_score, _order, row) in enumerate(rows, start=1):
        if (broke, negative_score) != previous:
            rank, previous = position, (broke, negative_score)
        row["rank"] = rank
        ranked.append(row)
    return ranked
