"""Who may do what to the record: the two editorial roles and the workflow rules.

Editors write and correct entries and move them between draft and review.
Reviewers may also publish and withdraw: they hold a ``publish_<model>``
permission per curated model, created with the groups by the data migration
``sources/0002_editorial_groups``. Superusers hold every permission.
"""

from .curation import Status

EDITORS = "Editors"
REVIEWERS = "Reviewers"
GROUP_FOR_ROLE = {"editor": EDITORS, "reviewer": REVIEWERS}

STATUSES_WITHOUT_REVIEW = (Status.DRAFT, Status.REVIEW)


def publish_permission(model):
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


def can_publish(user, model):
    return user.has_perm(publish_permission(model))


def statuses_allowed(user, model, current=None):
    """The statuses this user may give an entry whose status is now ``current`` (None: a new entry).

    Only reviewers move an entry into or out of the public record, so an editor
    may neither publish nor unpublish: a published entry keeps its status.
    """
    if can_publish(user, model):
        return list(Status)
    if current is None or current in STATUSES_WITHOUT_REVIEW:
        return list(STATUSES_WITHOUT_REVIEW)
    return [Status(current)]


def was_ever_published(entry):
    """Whether the entry is, or has been, part of the public record: such entries are withdrawn, never deleted."""
    if entry.pk is None:
        return False
    if entry.status in (Status.PUBLISHED, Status.WITHDRAWN):
        return True
    return type(entry).history.filter(id=entry.pk, status=Status.PUBLISHED).exists()
