"""Builders of test records with sensible defaults."""

from __future__ import annotations

from typing import Any

from catalog.domain.records import AnnotationInput, AuthorityKind, NameLink, RecordInput, Role


def record(title: str = "Cable from Pyongyang", **fields: Any) -> RecordInput:
    """A RecordInput with a title and whatever fields are given."""
    return RecordInput(title=title, **fields)


def person(name: str, role: Role = Role.MENTIONED, *variants: str) -> NameLink:
    """A link to a person by name."""
    return NameLink(AuthorityKind.PERSON, name, role, tuple(variants))


def place(name: str, *variants: str) -> NameLink:
    """A link to a place by name."""
    return NameLink(AuthorityKind.PLACE, name, Role.MENTIONED, tuple(variants))


def subject(name: str) -> NameLink:
    """A link to a subject."""
    return NameLink(AuthorityKind.SUBJECT, name, Role.SUBJECT)


def note(text: str, author: str = "archivist") -> AnnotationInput:
    """A note."""
    return AnnotationInput(text=text, author=author)
