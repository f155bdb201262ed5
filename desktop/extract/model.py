"""What the extractor hands out: date mentions (Timex) and event suggestions."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.temporal import FuzzyDate


@dataclass(frozen=True)
class Timex:
    """One temporal expression: its span in the text and its TIMEX3 type and value.

    `fuzzy` is set for placeable DATE/TIME values; `needs_reference` says the value
    came from the reference date or an earlier mention, so it moves if they change.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    fuzzy: FuzzyDate | None = None
    needs_reference: bool = False
    dateline: bool = False

    def as_dict(self) -> dict[str, object]:
        """The JSON shape the command line prints."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class Suggestion:
    """A dated happening found in one sentence, ready for the review queue.

    `anchor` says how the date was found: "phrase" (a date expression attached to the
    happening's verb; timex_start/timex_end locate it), "continuation" (the date the text
    last set) or "publication" (the article's date). `verb`, `names` and `numbers` let
    reports of the same happening in other articles be recognised.
    """

    title: str
    description: str
    start: int
    end: int
    quote: str
    date_phrase: str
    timex_start: int | None
    timex_end: int | None
    fuzzy: FuzzyDate
    value: str
    confidence: float
    needs_reference: bool
    anchor: str = "phrase"
    verb: str = ""
    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    actors: tuple = ()  # ActorRef (desktop.extract.entities): who did it, to whom
    places: tuple = ()  # PlaceRef: where
