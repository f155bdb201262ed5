"""Review decisions on events: accept, reject, reopen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.services.conflicts import RETRIES, EditConflict
from desktop.store import Event, Workspace
from desktop.store.changes import unit

STATUSES = ("suggested", "accepted", "rejected", "manual")


def set_status(ws: Workspace | Session, event_ids: Iterable[int], status: str) -> list[int]:
    """Set the status of several events in one transaction; returns ids not found."""
    return _set(ws, list(event_ids), status, None, RETRIES + 1).missing


@dataclass
class StatusReport:
    changed: int = 0
    missing: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # changed by someone else meanwhile


def set_status_retrying(ws: Workspace, event_ids: Iterable[int], status: str, *,
                        only_if: str | None = None, attempts: int = 5) -> StatusReport:  # fmt: skip
    """`set_status` for scripts running beside a window, with a report. With `only_if`,
    events no longer in that status (someone decided meanwhile) are skipped, not overwritten.
    """
    return _set(ws, list(dict.fromkeys(event_ids)), status, only_if, attempts)


def _set(ws: Workspace | Session, ids: list[int], status: str, only_if: str | None,
         attempts: int) -> StatusReport:  # fmt: skip
    """One transaction, read again when another writer committed to the same events
    between its read and its write (StaleDataError): no version was claimed, so that is
    no conflict. In the caller's own session the caller decides (no retry)."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
    if isinstance(ws, Session):
        return _set_once(ws, ids, status, only_if)
    for _ in range(attempts - 1):
        try:
            return _set_once(ws, ids, status, only_if)
        except StaleDataError:
            continue  # the other writer's commit is visible now: read again
    try:
        return _set_once(ws, ids, status, only_if)
    except StaleDataError:
        raise EditConflict("these events kept changing elsewhere while their status was "
                           "set; nothing was changed") from None


def _set_once(ws: Workspace | Session, ids: list[int], status: str,
              only_if: str | None) -> StatusReport:
    report = StatusReport()
    with unit(ws) as session:
        for event_id in ids:
            event = session.get(Event, event_id)
            if event is None:
                report.missing.append(event_id)
            elif only_if is not None and event.status not in (only_if, status):
                report.skipped.append(event_id)
            else:
                event.status = status
                report.changed += 1
    return report
