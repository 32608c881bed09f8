"""The site's addresses in each of its languages (English at the addresses it always had, French under /fr/)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def in_every_language(view_name, *args):
    """The view's address in each language of the site, English first: ["/admin/", "/fr/admin/"]."""
    addresses = []
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            addresses.append(reverse(view_name, args=args))
    return addresses
