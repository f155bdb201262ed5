"""`python -m desktop.extract`: tag text from stdin and print JSON, for scripts and scoring.

--json reads one text and prints one list; --jsonl reads {"doc_id","text","dct"} per line
and writes one list per line, in order.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from desktop.extract.tag import tag


def _reference(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def main(argv: list[str] | None = None) -> int:
    """Run the tagger over stdin; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m desktop.extract", description=__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--json", action="store_true", help="one text on stdin, one JSON list out")
    mode.add_argument("--jsonl", action="store_true", help="one JSON document per line")
    parser.add_argument("--reference-date", help="publication date, YYYY-MM-DD")
    parser.add_argument("--language", default="en")
    parser.add_argument("--dayfirst", action="store_true", help="read 05/09/2018 as 5 Sep")
    args = parser.parse_args(argv)
    try:
        reference = _reference(args.reference_date)
    except ValueError:
        parser.error(f"--reference-date must be YYYY-MM-DD, not {args.reference_date!r}")
    out = sys.stdout
    if args.json:
        found = tag(sys.stdin.read(), reference, args.language, dayfirst=args.dayfirst)
        json.dump([t.as_dict() for t in found], out, ensure_ascii=False)
        out.write("\n")
        return 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            dct = _reference(doc.get("dct")) or reference
        except (ValueError, AttributeError) as exc:
            print(f"line {number}: not a JSON document with a valid dct ({exc})", file=sys.stderr)
            out.write("[]\n")
            continue
        found = tag(
            doc.get("text") or "", dct, doc.get("language") or args.language, dayfirst=args.dayfirst
        )
        out.write(json.dumps([t.as_dict() for t in found], ensure_ascii=False) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
