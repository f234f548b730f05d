"""The operations the bulk edit dialog offers, and how each is built from the form.

Each choice says what its value completes from (a vocabulary, a kind of authority) and
whether it asks for a role, so the form shows only the controls that apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalog.domain.records import AuthorityKind, Role
from catalog.services.editing import bulk
from catalog.services.editing.lookups import VocabularyName

Build = Callable[[str, Role], bulk.BulkOp]


@dataclass(frozen=True)
class Choice:
    """One entry of the operation list.

    Attributes:
        key: a stable name (object names and tests use it).
        label: what the list shows (translated when shown).
        build: the operation for a value and a role (None: find and replace).
        vocabulary: the list the value completes from, if a vocabulary.
        kind: the kind of authority the value completes from, if a name.
        roles: True when the form asks for the role of an added name.
    """

    key: str
    label: str
    build: Build | None
    vocabulary: VocabularyName | None = None
    kind: AuthorityKind | None = None
    roles: bool = False


def _add_name(kind: AuthorityKind) -> Build:
    return lambda name, role: bulk.AddName(kind, name, role)


def _remove_name(kind: AuthorityKind) -> Build:
    return lambda name, _role: bulk.RemoveName(kind=kind, name=name)


_TAG, _COLLECTION = VocabularyName.TAG, VocabularyName.COLLECTION
_PERSON, _ORG, _PLACE, _SUBJECT = (
    AuthorityKind.PERSON,
    AuthorityKind.ORGANISATION,
    AuthorityKind.PLACE,
    AuthorityKind.SUBJECT,
)

CHOICES: tuple[Choice, ...] = (
    Choice("add_tag", "Add tag", lambda v, _r: bulk.AddTag(v), vocabulary=_TAG),
    Choice("remove_tag", "Remove tag", lambda v, _r: bulk.RemoveTag(v), vocabulary=_TAG),
    Choice("add_person", "Add person", _add_name(_PERSON), kind=_PERSON, roles=True),
    Choice("remove_person", "Remove person", _remove_name(_PERSON), kind=_PERSON),
    Choice("add_organisation", "Add organisation", _add_name(_ORG), kind=_ORG, roles=True),
    Choice("remove_organisation", "Remove organisation", _remove_name(_ORG), kind=_ORG),
    Choice("add_place", "Add place", _add_name(_PLACE), kind=_PLACE, roles=True),
    Choice("remove_place", "Remove place", _remove_name(_PLACE), kind=_PLACE),
    Choice("add_subject", "Add subject", _add_name(_SUBJECT), kind=_SUBJECT),
    Choice("remove_subject", "Remove subject", _remove_name(_SUBJECT), kind=_SUBJECT),
    Choice(
        "add_collection",
        "Add to collection",
        lambda v, _r: bulk.AddCollection(v),
        vocabulary=_COLLECTION,
    ),
    Choice(
        "remove_collection",
        "Remove from collection",
        lambda v, _r: bulk.RemoveCollection(v),
        vocabulary=_COLLECTION,
    ),
    Choice(
        "set_type",
        "Set type",
        lambda v, _r: bulk.SetType(v),
        vocabulary=VocabularyName.DOC_TYPE,
    ),
    Choice(
        "set_archive",
        "Set archive",
        lambda v, _r: bulk.SetArchive(v),
        kind=AuthorityKind.REPOSITORY,
    ),
    Choice(
        "set_language",
        "Set language",
        lambda v, _r: bulk.SetLanguage(v),
        vocabulary=VocabularyName.LANGUAGE,
    ),
    Choice("replace", "Find and replace", None),
)

ROLES: tuple[tuple[Role, str], ...] = (
    (Role.MENTIONED, "Mentioned"),
    (Role.AUTHOR, "Author"),
    (Role.RECIPIENT, "Recipient"),
)
"""The roles an added person, organisation or place can have."""

REPLACE_FIELDS: tuple[tuple[bulk.ReplaceField, str], ...] = tuple(
    (name, bulk.FIELD_LABELS[name.value]) for name in bulk.ReplaceField
)
"""The fields find and replace works on, as the form names them."""
