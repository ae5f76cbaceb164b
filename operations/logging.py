"""Log lines for the biggest day: one line per event, each with the request id (or "-" outside requests)."""

import logging

from .requests import request_id


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class OneLineFormatter(logging.Formatter):
    """A traceback stays on its event's line (newlines shown as " | "), so log tools see one event per line."""

    def format(self, record):
        return super().format(record).replace("\r", "").replace("\n", " | ")
