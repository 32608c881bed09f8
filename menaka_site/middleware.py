"""Response headers and compression that Django's own middleware does not provide."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class GZipWithoutSecretsMiddleware(GZipMiddleware):
    """Compress every response except those that carry a CSRF token.

    A compressed page that holds a secret next to text an attacker can choose
    leaks the secret through its length (BREACH). Public pages hold no secret;
    the admin's forms and the sign-in page do, and stay uncompressed. Django sends
    the CSRF cookie with every response whose page used the token.
    """

    def process_response(self, request, response):
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)
