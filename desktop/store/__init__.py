"""The workspace store: SQLAlchemy models on one SQLite file per workspace."""

from desktop.store.models import Article, Base, Citation, Event, Lane, Tag, Timeline
from desktop.store.workspace import (
    Workspace,
    WorkspaceError,
    default_workspace_path,
    open_workspace,
)

__all__ = [
    "Article",
    "Base",
    "Citation",
    "Event",
    "Lane",
    "Tag",
    "Timeline",
    "Workspace",
    "WorkspaceError",
    "default_workspace_path",
    "open_workspace",
]
