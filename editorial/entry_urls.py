"""Addresses from a reverse() made once per URL name and language rather than once per link.

A list page links every row to one or more entries: a claim, its event, party, claimant and
sources; reverse() walks the URL patterns each time (15 % of the claims list's rendering). An
entry's address is the same for every slug with only the slug changed, so the address is
reversed once with a stand-in slug and the real one put in its place. The pieces are kept per
URL name, language (/fr/…), script prefix (a site served under a sub-path) and URL
configuration, which are all reverse() depends on. The page frame's fixed addresses (the menu, the
footer) are kept the same way.
"""

import functools
import re

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

STAND_IN = "entry-slug-stand-in"
# What the <slug:…> converter matches; such a slug is never quoted in an address.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def entry_url(url_name, slug):
    """reverse(url_name, args=[slug]), for a URL whose only argument is the slug."""
    return Addresses().of(url_name, slug)


class Addresses:
    """Entry addresses for the rows of one response, with what reverse() depends on read once.

    The language, the script prefix and the URL configuration are context-local values, and reading the
    three was nine tenths of an entry_url(): a claims page links 250 entries, an API page as many. Made
    where a response is built and dropped with it, as the language and the host belong to one request.
    """

    def __init__(self, request=None):
        self.request = request
        self.key = (get_language(), get_script_prefix(), get_resolver(get_urlconf()))
        # The scheme and host, as request.build_absolute_uri() puts them before a path.
        self.origin = request.build_absolute_uri("/").removesuffix("/") if request is not None else ""

    def of(self, url_name, slug):
        """The entry's address (its path)."""
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            return reverse(url_name, args=[slug])  # whatever reverse() makes of it, or its error
        before, after = address_around_slug(url_name, *self.key)
        return f"{before}{slug}{after}"

    def absolute(self, url_name, slug):
        """The entry's full address, with the scheme and host of the request the Addresses were made for."""
        return self.origin + self.of(url_name, slug)


@functools.lru_cache(maxsize=256)
def address_around_slug(url_name, language, script_prefix, resolver):
    """The address of url_name before and after its slug; the arguments beyond url_name are the cache's key."""
    before, _, after = reverse(url_name, args=[STAND_IN]).partition(STAND_IN)
    return before, after


def fixed_url(url_name):
    """reverse(url_name) for a URL without arguments (the page frame names a dozen on every page)."""
    return address_without_arguments(url_name, get_language(), get_script_prefix(), get_resolver(get_urlconf()))


@functools.lru_cache(maxsize=256)
def address_without_arguments(url_name, language, script_prefix, resolver):
    return reverse(url_name)
