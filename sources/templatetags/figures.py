"""The figures claimed about an event or an actor, in the compact form of their pages: one row per question.

The questions are /figures/'s own (sources/figures.py); each row sets every figure claimed for it side
by side, with its claimant and assessment, never added up. A page shows the first QUESTIONS_SHOWN and
links to /figures/ filtered the same way for the rest. Each tag makes a fixed number of queries.
"""

from django import template
from django.db.models import Q

from editorial.counts import RecordPaginator
from events.excerpts import Excerpt
from events.views import filtered_list
from sources.figures import figures_among, question_keys, questions_on
from sources.public import public_claims_of_few

register = template.Library()

QUESTIONS_SHOWN = 10


def compact_figures(claims, figures_url, heading_id, show_event):
    first = RecordPaginator(question_keys(claims), QUESTIONS_SHOWN).page(1)
    # Every figure of a question is shown, not only those that made it this page's question.
    questions = questions_on(first, figures_among(public_claims_of_few()))
    return {
        "questions": Excerpt(questions, first.paginator.count),
        "figures_url": figures_url,
        "heading_id": heading_id,
        "show_event": show_event,
    }


@register.inclusion_tag("sources/_compact_figures.html")
def figures_about_event(event):
    if not event.is_published:
        return {"questions": None}
    about = figures_among(public_claims_of_few()).filter(event=event)
    return compact_figures(about, filtered_list("figures", event=event.slug), f"figures-{event.slug}", show_event=False)


@register.inclusion_tag("sources/_compact_figures.html")
def figures_about_actor(actor):
    if not actor.is_published:
        return {"questions": None}
    about = figures_among(public_claims_of_few()).filter(Q(actor=actor) | Q(party=actor))
    return compact_figures(about, filtered_list("figures", about=actor.slug), f"figures-{actor.slug}", show_event=True)
