"""How django-axes sees a sign-in: the client's address, and the page a locked-out sign-in gets."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def client_ip_address(request):
    """The address a sign-in comes from.

    Behind the TLS proxy every request arrives from the proxy itself, so the
    address is the last one in X-Forwarded-For: the one the proxy appended. Any
    earlier ones were sent by the client and prove nothing.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_TLS_PROXY and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response, credentials):
    # Every attempt during a lock starts the cool-off again, so the lock ends one cool-off from now.
    cool_off = get_cool_off(request)
    until = timezone.now() + cool_off
    context = {"until": until, "minutes": round(cool_off.total_seconds() / 60)}
    response = render(request, "admin/locked_out.html", context, status=429)
    response["Retry-After"] = str(round(cool_off.total_seconds()))
    return response
