"""Staff actions in Wagtail's audit log, each shown with a message filled from its entry's data."""

from wagtail.log_actions import LogFormatter


class DataLogFormatter(LogFormatter):
    """A message filled from the log entry's data, e.g. how many rows an export wrote."""

    message = ""

    def format_message(self, log_entry):
        try:
            return self.message % log_entry.data
        except (KeyError, TypeError, ValueError):
            return self.label


def register_actions(actions, described):
    """Register `{action: (label, message)}` with Wagtail's log actions (from a `register_log_actions` hook)."""
    for action, (label, message) in described.items():
        actions.register_action(action)(type("Formatter", (DataLogFormatter,), {"label": label, "message": message}))
