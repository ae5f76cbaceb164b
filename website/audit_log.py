"""Staff actions in Wagtail's audit log, each shown with a message filled from its entry's data."""

from wagtail.log_actions import LogFormatter


class DataLogFormatter(LogFormatter):
    """A message filled from the log entry's data, e.g. how many rows an export wrote; the label when the data
    lacks what the message needs."""

    message = ""

    def format_message(self, log_entry):
        try:
            return self.message(log_entry.data) if callable(self.message) else self.message % log_entry.data
        except (KeyError, TypeError, ValueError):
            return self.label


def register_actions(actions, described):
    """Register `{action: (label, message)}` with Wagtail's log actions (from a `register_log_actions` hook).

    A message is a format string filled from the entry's data; for a count, `ngettext_lazy(singular, plural,
    "rows")` picks the form by the data's "rows". Or a function of the data that returns the message.
    """
    for action, (label, message) in described.items():
        message = staticmethod(message) if callable(message) else message
        actions.register_action(action)(type("Formatter", (DataLogFormatter,), {"label": label, "message": message}))
