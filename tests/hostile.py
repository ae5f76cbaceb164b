"""Hostile input for the generated bad-input tests (tests/*/test_bad_input.py), with Hypothesis.

Values are bytes, put on the wire percent-encoded as a browser, a proxy or a bot may send them: NUL, lone
surrogates and other invalid UTF-8, 10,000 characters, huge and negative numbers, digits that are not ASCII,
markup and SQL, next to arbitrary text. Whatever comes in, the site answers without a 5xx.
"""

from urllib.parse import quote, quote_from_bytes

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",  # a lone surrogate: invalid UTF-8 on the wire
    "\udfff\ud800x",
    "²",
    "2022²",
    "١٢٣",  # Arabic-Indic digits
    "１２",  # full-width digits
    "-1",
    "-5",
    "0",
    "1" + "0" * 400,
    "-" + "9" * 40,
    "1e999",
    "NaN",
    "inf",
    "1.5",
    "0x10",
    "x" * 10_000,
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "1; DROP TABLE petitions_signature; --",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
    "%00%ff",
    "\r\nSet-Cookie: x=1",
    "\u202etxt.exe",
    "🏳️‍🌈" * 50,
]

RAW = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80abc", b"\xe2\x82"]


def encoded(text):
    return text.encode("utf-8", "surrogatepass")


hostile_bytes = st.one_of(
    st.sampled_from(NASTY).map(encoded),
    st.sampled_from(RAW),
    st.text(max_size=40).map(encoded),
    st.integers(min_value=-(10**30), max_value=10**30).map(lambda number: str(number).encode()),
    st.binary(max_size=40),
)

# Bounded and reproducible: the suite stays fast and never writes Hypothesis's example database.
hostile = settings(
    max_examples=30,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def query(values):
    """A query string from {name: bytes}, each value percent-encoded byte for byte."""
    return "&".join(f"{quote(name)}={quote_from_bytes(value)}" for name, value in values.items())


def form_body(values):
    """An application/x-www-form-urlencoded body from {name: bytes}."""
    return query(values).encode("ascii")


def post_form(client, url, values, **extra):
    return client.generic("POST", url, form_body(values), content_type="application/x-www-form-urlencoded", **extra)


def no_server_error(response, what=""):
    assert response.status_code < 500, f"{response.status_code} for {what}"
    return response


WRONG_METHODS = ["PUT", "PATCH", "DELETE"]
WRONG_BODIES = [
    ("application/json", b'{"name": "x", "email": ["a"]}'),
    ("application/json", b"\xff\xfe not json"),
    ("text/plain", b"name=x&email=y"),
    ("multipart/form-data", b"--x\r\nbroken"),
    ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n\x00\r\n--x--'),
    ("application/x-www-form-urlencoded", b"%ff=%00&&&=&name"),
]
