"""The workspace store: SQLAlchemy models on one SQLite file per workspace."""

from desktop.store.models import Actor, Article, Base, Citation, Event, Lane, Place, Tag, Timeline
from desktop.store.workspace import (
    Workspace,
    WorkspaceError,
    default_workspace_path,
    open_workspace,
)

__all__ = [
    "Actor",
    "Article",
    "Base",
    "Citation",
    "Event",
    "Lane",
    "Place",
    "Tag",
    "Timeline",
    "Workspace",
    "WorkspaceError",
    "default_workspace_path",
    "open_workspace",
]
