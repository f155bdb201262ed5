"""`chronologue` / `python -m desktop`: the window with no verb, the CLI with one."""

from __future__ import annotations

import sys

from desktop import cli


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if any(a in cli.VERBS or a in ("-h", "--help", "--version") for a in argv[:3]):
        return cli.main(argv)
    print(
        "Chronologue's desktop window is not built yet; everything works from the command\n"
        "line for now. Try: chronologue import seeds && chronologue events\n",
        file=sys.stdout,
    )
    cli.build_parser().print_help(sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
