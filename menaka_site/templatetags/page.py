"""Tags for the page frame (base.html)."""

from django import template
from django.utils.safestring import mark_safe

from editorial.entry_urls import fixed_url

register = template.Library()


@register.simple_tag
def address(url_name):
    """{% url url_name %} for an address without arguments, reversed once per language and script prefix."""
    return fixed_url(url_name)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        # Kept as ``nodelist`` so that {% block %} tags inside still take part in inheritance.
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # What the nodes render is already escaped for HTML.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: render once, use as often as needed ({{ name }})."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
