"""The operations the bulk edit dialog offers, and how each is built from the form.

Each choice says what its value completes from (a vocabulary, a kind of authority) and
whether it asks for a role, so the form shows only the controls that apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from catalog.domain.records import AuthorityKind, Role
from catalog.services.editing import bulk
from catalog.services.editing.lookups import VocabularyName
from catalog.ui.translation import QT_TRANSLATE_NOOP

Build = Callable[[str, Role], bulk.BulkOp]


@dataclass(frozen=True)
class Choice:
    """One entry of the operation list.

    Attributes:
        key: a stable name (object names and tests use it).
        label: what the list shows (marked for the "BulkEdit" context, translated when
            shown).
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
    Choice(
        "add_tag",
        QT_TRANSLATE_NOOP("BulkEdit", "Add tag"),
        lambda v, _r: bulk.AddTag(v),
        vocabulary=_TAG,
    ),
    Choice(
        "remove_tag",
        QT_TRANSLATE_NOOP("BulkEdit", "Remove tag"),
        lambda v, _r: bulk.RemoveTag(v),
        vocabulary=_TAG,
    ),
    Choice(
        "add_person",
        QT_TRANSLATE_NOOP("BulkEdit", "Add person"),
        _add_name(_PERSON),
        kind=_PERSON,
        roles=True,
    ),
    Choice(
        "remove_person",
        QT_TRANSLATE_NOOP("BulkEdit", "Remove person"),
        _remove_name(_PERSON),
        kind=_PERSON,
    ),
    Choice(
        "add_organisation",
        QT_TRANSLATE_NOOP("BulkEdit", "Add organisation"),
        _add_name(_ORG),
        kind=_ORG,
        roles=True,
    ),
    Choice(
        "remove_organisation",
        QT_TRANSLATE_NOOP("BulkEdit", "Remove organisation"),
        _remove_name(_ORG),
        kind=_ORG,
    ),
    Choice(
        "add_place",
        QT_TRANSLATE_NOOP("BulkEdit", "Add place"),
        _add_name(_PLACE),
        kind=_PLACE,
        roles=True,
    ),
    Choice(
        "remove_place",
        QT_TRANSLATE_NOOP("BulkEdit", "Remove place"),
        _remove_name(_PLACE),
        kind=_PLACE,
    ),
    Choice(
        "add_subject",
        QT_TRANSLATE_NOOP("BulkEdit", "Add subject"),
        _add_name(_SUBJECT),
        kind=_SUBJECT,
    ),
    Choice(
        "remove_subject",
        QT_TRANSLATE_NOOP("BulkEdit", "Remove subject"),
        _remove_name(_SUBJECT),
        kind=_SUBJECT,
    ),
    Choice(
        "add_collection",
        QT_TRANSLATE_NOOP("BulkEdit", "Add to collection"),
        lambda v, _r: bulk.AddCollection(v),
        vocabulary=_COLLECTION,
    ),
    Choice(
        "remove_collection",
        QT_TRANSLATE_NOOP("BulkEdit", "Remove from collection"),
        lambda v, _r: bulk.RemoveCollection(v),
        vocabulary=_COLLECTION,
    ),
    Choice(
        "set_type",
        QT_TRANSLATE_NOOP("BulkEdit", "Set type"),
        lambda v, _r: bulk.SetType(v),
        vocabulary=VocabularyName.DOC_TYPE,
    ),
    Choice(
        "set_archive",
        QT_TRANSLATE_NOOP("BulkEdit", "Set archive"),
        lambda v, _r: bulk.SetArchive(v),
        kind=AuthorityKind.REPOSITORY,
    ),
    Choice(
        "set_language",
        QT_TRANSLATE_NOOP("BulkEdit", "Set language"),
        lambda v, _r: bulk.SetLanguage(v),
        vocabulary=VocabularyName.LANGUAGE,
    ),
    Choice("replace", QT_TRANSLATE_NOOP("BulkEdit", "Find and replace"), None),
)

ROLES: tuple[tuple[Role, str], ...] = (
    (Role.MENTIONED, QT_TRANSLATE_NOOP("BulkEdit", "Mentioned")),
    (Role.AUTHOR, QT_TRANSLATE_NOOP("BulkEdit", "Author")),
    (Role.RECIPIENT, QT_TRANSLATE_NOOP("BulkEdit", "Recipient")),
)
"""The roles an added person, organisation or place can have."""

FIELD_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("BulkEdit", "Title"),
    "summary": QT_TRANSLATE_NOOP("BulkEdit", "Summary"),
    "source_ref": QT_TRANSLATE_NOOP("BulkEdit", "Source reference"),
    "classification": QT_TRANSLATE_NOOP("BulkEdit", "Classification"),
    "date_text": QT_TRANSLATE_NOOP("BulkEdit", "Date"),
    "tags": QT_TRANSLATE_NOOP("BulkEdit", "Tags"),
    "collections": QT_TRANSLATE_NOOP("BulkEdit", "Collections"),
    "languages": QT_TRANSLATE_NOOP("BulkEdit", "Languages"),
    "type": QT_TRANSLATE_NOOP("BulkEdit", "Type"),
    "archive": QT_TRANSLATE_NOOP("BulkEdit", "Archive"),
    "names": QT_TRANSLATE_NOOP("BulkEdit", "Names"),
}
"""``bulk.FIELD_LABELS``' words, marked for translation (the services hold no Qt)."""


def field_label(field: str) -> str:
    """A field a bulk edit changes, as the form and the preview name it, translated."""
    label = FIELD_LABELS.get(field) or bulk.FIELD_LABELS.get(field, field)
    return QCoreApplication.translate("BulkEdit", label)


REPLACE_FIELDS: tuple[tuple[bulk.ReplaceField, str], ...] = tuple(
    (name, FIELD_LABELS.get(name.value) or bulk.FIELD_LABELS[name.value])
    for name in bulk.ReplaceField
)
"""The fields find and replace works on, as the form names them."""
