"""What the site answers while its database is away, and how it tells a load balancer.

``/healthz`` says the process is alive and touches nothing else: a process manager
restarts the server when it fails. ``/readyz`` also asks the database: a load
balancer stops sending readers while it fails. Neither needs a session or a host
other than those in DJANGO_ALLOWED_HOSTS.
"""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.log import log_response
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# Long enough for PostgreSQL to restart, short enough that a reader does not give up.
RETRY_AFTER_SECONDS = 30


def database_is_reachable():
    # A connection broken since the last request is already dropped: Django checks it at
    # each request's start (CONN_HEALTH_CHECKS). One that breaks now is dropped here.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        connection.close()
        return False
    return True


@never_cache
def healthz(request):
    return HttpResponse("alive\n", content_type="text/plain")


@never_cache
def readyz(request):
    if database_is_reachable():
        return HttpResponse("ready\n", content_type="text/plain")
    response = HttpResponse("database unreachable\n", content_type="text/plain", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After, not 500, when a page fails because the database is away.

    A database error while the database still answers is a bug, and goes on to
    Django's 500 page with its traceback in the log.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)) or database_is_reachable():
            return None
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        # One line per request, with the cause; Django's own "Service Unavailable" line is then left out.
        reason = next(iter(str(exception).strip().splitlines()), "") or type(exception).__name__
        log_response("Database unreachable, answered 503 to %s %s: %s", request.method, request.path, reason,
                     response=response, request=request, logger=logger, level="warning")
        return response
