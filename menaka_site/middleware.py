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
    """Compress what is sent to the public; nothing that may hold a secret.

    A compressed page that holds a secret next to text an attacker can choose
    leaks the secret through its length (BREACH). Public pages hold none. The
    pages of a signed-in editor hold drafts and CSRF tokens, and the sign-in page
    a token: those stay uncompressed. Django sends the CSRF cookie with every
    response whose page used the token.
    """

    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES or settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)
