"""The data of one election as a page shows it, and the comparison's state in the query string.

Positions and statements point at the default language's election, parties and themes (see
`elections.models`), so both languages read the same rows: each object is shown in the page's
language when translated, else in the default language. A handful of queries, whatever the
number of parties and themes. The page (`elections.models`) calls it with its election; the rows
come through the election's related managers, so this module sits below the models.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from . import matching
from .choices import STANCE_SYMBOLS, Answer, Stance

MAX_COMPARED = 4
MAX_VALUES = 20  # values read from one parameter; the rest is ignored unseen
MAX_SHOWN_LENGTH = 40  # of an unknown value repeated in a notice


@dataclass
class ElectionData:
    election: object  # the Election, in the page's language
    parties: list
    themes: list
    positions: dict  # (party pk, theme pk) → Position, pks of the default language's objects
    statements: list = field(default_factory=list)

    def __post_init__(self):
        self.parties_by_key = {party.key: party for party in self.parties}
        self.themes_by_slug = {theme.slug: theme for theme in self.themes}

    def position(self, party, theme):
        return self.positions.get((party.source_pk, theme.source_pk))

    def party_positions(self, party):
        return [(theme, self.position(party, theme)) for theme in self.themes]

    def theme_positions(self, theme, parties=None):
        return [(party, self.position(party, theme)) for party in (parties or self.parties)]

    def matrix(self, parties=None):
        parties = parties or self.parties
        return [(theme, [self.position(party, theme) for party in parties]) for theme in self.themes]


def _in_language(sources, locale):
    """{source pk: the object in `locale`}, falling back to the source; one query at most."""
    sources = list(sources)
    wanted = [source.translation_key for source in sources if source.locale_id != locale.pk]
    found = {}
    if wanted:
        model = type(sources[0])
        found = {obj.translation_key: obj for obj in model.objects.filter(translation_key__in=wanted, locale=locale)}
    shown = {}
    for source in sources:
        obj = found.get(source.translation_key, source)
        obj.source_pk = source.pk
        shown[source.pk] = obj
    return shown


def _prefer(objects, locale):
    """One object per translation group: the one in `locale` if there is one."""
    chosen = {}
    for obj in objects:
        if obj.translation_key not in chosen or obj.locale_id == locale.pk:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def _mark_untranslated(shown, every, locale, default_locale_id, fields):
    """`untranslated`: which `fields` of each shown object are still in the default language (no copy
    made yet, or texts the translator has not reached), so the page marks them instead of passing them off.
    Positions' corrections get `untranslated` (True/False) too. `every` holds both languages' objects."""
    source = {obj.translation_key: obj for obj in every if obj.locale_id == default_locale_id}
    for obj in shown:
        obj.untranslated = set()
        if locale.pk == default_locale_id:
            continue
        dutch = source.get(obj.translation_key)
        fallback = obj.locale_id != locale.pk
        obj.untranslated = {
            name
            for name in fields
            if getattr(obj, name) and (fallback or getattr(obj, name) == getattr(dutch, name, None))
        }
        if hasattr(obj, "corrections"):
            notes = {correction.note for correction in dutch.corrections.all()} if dutch is not None else set()
            for correction in obj.corrections.all():
                correction.untranslated = fallback or correction.note in notes


def load(election, locale, with_statements=False):
    locales = {locale.pk, election.locale_id}
    every_position = list(
        election.positions.filter(locale_id__in=locales)
        .select_related("party", "theme")
        .prefetch_related("corrections")
    )
    positions = _prefer(every_position, locale)
    _mark_untranslated(positions, every_position, locale, election.locale_id, ("summary", "assessment"))
    party_sources = {position.party_id: position.party for position in positions}
    theme_sources = {position.theme_id: position.theme for position in positions}
    statements = []
    if with_statements:
        every_statement = list(
            election.statements.filter(locale_id__in=locales).select_related("theme").prefetch_related("answers__party")
        )
        statements = _prefer(every_statement, locale)
        _mark_untranslated(statements, every_statement, locale, election.locale_id, ("text", "explanation"))
        statements.sort(key=lambda statement: (statement.sort_order, statement.code))
        for statement in statements:
            statement.answer_by_party = {answer.party_id: answer for answer in statement.answers.all()}
            party_sources.update({answer.party_id: answer.party for answer in statement.answers.all()})
            theme_sources.setdefault(statement.theme_id, statement.theme)
    parties = _in_language(party_sources.values(), locale)
    themes = _in_language(theme_sources.values(), locale)
    shown_election = _in_language([election], locale)[election.pk]
    for statement in statements:
        statement.shown_theme = themes[statement.theme_id]
    for position in positions:
        position.show_translation = position.shows_translation(locale.language_code)
    ordered_themes = sorted(
        themes.values(), key=lambda theme: (theme_sources[theme.source_pk].sort_order or 0, theme.source_pk)
    )
    return ElectionData(
        election=shown_election,
        parties=sorted(parties.values(), key=lambda party: (party.name.casefold(), party.source_pk)),
        themes=ordered_themes,
        positions={(position.party_id, position.theme_id): position for position in positions},
        statements=statements,
    )


# The comparison's state in the query string --------------------------------------------------------


@dataclass
class State:
    parties: list = field(default_factory=list)  # keys, in the order given
    theme: str | None = None
    party: str | None = None

    @property
    def view(self):
        if self.party:
            return "party"
        if self.theme:
            return "theme"
        if self.parties:
            return "compare"
        return "overview"

    def querystring(self, **changes):
        values = {"parties": ",".join(self.parties), "theme": self.theme or "", "party": self.party or ""}
        values.update(
            {name: ",".join(value) if isinstance(value, list) else (value or "") for name, value in changes.items()}
        )
        values = {name: value for name, value in values.items() if value}
        return "?" + urlencode(values, safe=",") if values else ""


def _shown(value):
    value = value[:MAX_SHOWN_LENGTH]
    return value + "…" if len(value) == MAX_SHOWN_LENGTH else value


def raw_party_values(query):
    """?parties=a,b and ?parties=a&parties=b (the checkboxes) both work."""
    values = []
    for item in query.getlist("parties")[:MAX_VALUES]:
        values.extend(part.strip().lower() for part in item.split(","))
    return [value for value in values if value][:MAX_VALUES]


def parse_state(query, data):
    """The valid state in `query`, and a notice for every value that was ignored (never an error)."""
    state, notices = State(), []
    for value in raw_party_values(query):
        if value in state.parties:
            continue
        if value in data.parties_by_key:
            state.parties.append(value)
        else:
            notices.append(
                _("There is no party “%(value)s” in this comparison; it was left out.") % {"value": _shown(value)}
            )
    if len(state.parties) > MAX_COMPARED:
        notices.append(
            _("You can compare up to %(max)s parties at a time: these are the first %(max)s.") % {"max": MAX_COMPARED}
        )
        state.parties = state.parties[:MAX_COMPARED]
    elif len(state.parties) == 1 and not query.get("theme") and not query.get("party"):
        notices.append(_("Choose at least two parties to see them side by side."))
    theme = query.get("theme", "").strip().lower()
    if theme:
        if theme in data.themes_by_slug:
            state.theme = theme
        else:
            notices.append(_("There is no theme “%(value)s”; it was ignored.") % {"value": _shown(theme)})
    party = query.get("party", "").strip().lower()
    if party:
        if party in data.parties_by_key:
            state.party = party
        else:
            notices.append(
                _("There is no party “%(value)s” in this comparison; it was left out.") % {"value": _shown(party)}
            )
    return state, notices


def canonical_querystring(query):
    """The comma form of repeated ?parties=… (as checkboxes send it), or None when already canonical."""
    if len(query.getlist("parties")) < 2:
        return None
    values = {"parties": ",".join(raw_party_values(query))}
    values.update({name: query.get(name) for name in ("theme", "party") if query.get(name)})
    return "?" + urlencode(values, safe=",")


def view_context(data, state):
    """What the template needs for the view the state asks for; every object carries its view's link."""
    for party in data.parties:
        party.view_query = State(party=party.key).querystring()
        party.compare_query = state.querystring(
            parties=[key for key in state.parties if key != party.key], theme="", party=""
        )
    for theme in data.themes:
        theme.view_query = state.querystring(theme=theme.slug, party="")
    chosen = [data.parties_by_key[key] for key in state.parties]
    context = {
        "view": state.view,
        "chosen_parties": chosen,
        "stances": [(stance, STANCE_SYMBOLS[stance]) for stance in Stance],
    }
    if state.view == "party":
        party = data.parties_by_key[state.party]
        context.update(party=party, rows=data.party_positions(party))
    elif state.view == "theme":
        theme = data.themes_by_slug[state.theme]
        context.update(theme=theme, rows=data.theme_positions(theme, chosen or None))
    elif state.view == "compare":
        context.update(matrix=data.matrix(chosen))
    else:
        context.update(matrix=data.matrix())
    return context


# The voting guide ----------------------------------------------------------------------------------


def guide_input(data):
    """The parties' answers as the matching function (Python and JavaScript) takes them."""
    return {
        "parties": [party.key for party in data.parties],
        "statements": [statement.code for statement in data.statements],
        "positions": {
            party.key: {
                statement.code: statement.answer_by_party[party.source_pk].answer
                for statement in data.statements
                if party.source_pk in statement.answer_by_party
            }
            for party in data.parties
        },
    }


def guide_context(data):
    """The guide's data for the page: the same input the server uses, plus the texts to show."""
    guide = guide_input(data)
    guide["names"] = {party.key: party.name for party in data.parties}
    guide["abbreviations"] = {party.key: party.abbreviation for party in data.parties}
    guide["colours"] = {party.key: party.colour for party in data.parties}
    guide["explanations"] = {
        party.key: {
            statement.code: statement.answer_by_party[party.source_pk].explanation
            for statement in data.statements
            if party.source_pk in statement.answer_by_party
        }
        for party in data.parties
    }
    guide["texts"] = {statement.code: statement.text for statement in data.statements}
    guide["labels"] = {
        **{answer.value: str(answer.label) for answer in Answer},
        "skipped": _("Skipped"),
        "no_answer": _("No answer"),
        "important": _("extra important"),
        "dealbreaker": _("dealbreaker"),
    }
    return guide


def read_answers(post, data):
    """The visitor's answers from the guide's form; anything unknown counts as skipped."""
    answers, important, dealbreakers = {}, set(), set()
    for statement in data.statements:
        value = post.get(f"answer-{statement.code}", "")
        if value in matching.ANSWERS:
            answers[statement.code] = value
        if post.get(f"important-{statement.code}"):
            important.add(statement.code)
        if post.get(f"dealbreaker-{statement.code}"):
            dealbreakers.add(statement.code)
    return answers, important, dealbreakers


def guide_result(data, answers, important, dealbreakers):
    """The ranked parties with, per statement, the visitor's answer next to each party's."""
    guide = guide_input(data)
    ranked = matching.match(guide["parties"], guide["statements"], guide["positions"], answers, important, dealbreakers)
    labels = dict(Answer.choices)
    for row in ranked:
        party = data.parties_by_key[row["party"]]
        row["name"] = party.name
        row["abbreviation"] = party.abbreviation
        row["colour"] = party.colour
        row["broken"] = [statement for statement in data.statements if statement.code in row["dealbreakers"]]
        row["comparison"] = []
        for statement in data.statements:
            given = statement.answer_by_party.get(party.source_pk)
            yours = answers.get(statement.code)
            row["comparison"].append(
                {
                    "statement": statement,
                    "yours": labels.get(yours, _("Skipped")),
                    "theirs": labels.get(given.answer) if given else _("No answer"),
                    "explanation": given.explanation if given else "",
                    "same": bool(given and yours and given.answer == yours),
                    "important": statement.code in important,
                    "dealbreaker": statement.code in dealbreakers,
                }
            )
    return ranked
