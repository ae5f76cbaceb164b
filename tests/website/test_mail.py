"""Emails' subjects and plain-text bodies are not HTML: nothing in them is escaped."""

from website.mail import render_templated


def test_subject_and_text_are_not_html_escaped_but_the_html_part_is():
    title = "'s-Gravenhage & <Den Haag>"
    context = {"petition": {"title": title}, "signature": {"name": "Anna"}, "confirm_url": "x", "reminder": False}
    message = render_templated("petitions/email/confirm", "anna@example.org", context, "nl")
    assert title in message.subject and title in message.body
    assert "&#x27;" not in message.subject + message.body
    assert "&#x27;s-Gravenhage &amp; &lt;Den Haag&gt;" in message.alternatives[0].content
