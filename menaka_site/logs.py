"""Log records shaped for an operator reading the log under a scan."""

import logging


class ClientErrorsInOneLine(logging.Filter):
    """Drop the traceback from records about a client's mistake.

    Django logs a 404, a PermissionDenied or a DisallowedHost with its traceback;
    those are expected answers to what a visitor typed, and one line says all
    there is to say. Server errors (5xx) keep their traceback.
    """

    def filter(self, record):
        status_code = getattr(record, "status_code", None)
        client_error = (status_code is not None and 400 <= status_code < 500) or record.name.startswith(
            "django.security."
        )
        if client_error:
            record.exc_info = None
            record.exc_text = None
        return True
