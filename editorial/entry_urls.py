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
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        return reverse(url_name, args=[slug])  # whatever reverse() makes of it, or its error
    before, after = address_around_slug(url_name, get_language(), get_script_prefix(), get_resolver(get_urlconf()))
    return f"{before}{slug}{after}"


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
