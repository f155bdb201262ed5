"""`chronologue` / `python -m desktop`: the window with no verb, the CLI with one."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

from platformdirs import user_data_path

from desktop import cli

NO_DISPLAY = (
    "chronologue: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the\n"
    "desktop window cannot open. Run it in a desktop session, under Xvfb\n"
    "(xvfb-run chronologue), or with QT_QPA_PLATFORM=offscreen; everything also works\n"
    "from the command line:\n"
)


def demo_pdf_path() -> Path:
    return user_data_path("Chronologue", appauthor=False) / "demo" / "chronologue-demo.pdf"


def headless_demo() -> int:
    """No screen: do the main job anyway (seeds -> timeline PDF) and say where it is."""
    target = demo_pdf_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    print("Running the headless demo instead: the sample articles become a timeline PDF.")
    code = cli.main(["demo", "-o", str(target)])
    if code == 0:
        print(f"\nThe demo PDF is at {target}")
    return code


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a bundled app's import workers start through here
    argv = sys.argv[1:] if argv is None else argv
    if "--self-test" in argv:
        from desktop import selftest

        return selftest.run()
    if any(a in cli.VERBS or a in ("-h", "--help", "--version") for a in argv[:3]):
        from desktop.logs import install_excepthook, report_on_stderr, setup_logging

        setup_logging("cli")
        install_excepthook(report_on_stderr)
        return cli.main(argv)
    try:
        from desktop.ui.app import run
    except ImportError as exc:  # Qt or one of its system libraries is missing
        print(f"chronologue: the desktop window cannot start ({exc}).\n"
              "Install the Qt system libraries (make sysdeps) or use the command line:\n",
              file=sys.stdout)
        cli.build_parser().print_help(sys.stdout)
        return 1
    code = run(argv)
    if code == -1:
        print(NO_DISPLAY, file=sys.stdout)
        cli.build_parser().print_help(sys.stdout)
        print()
        return headless_demo()
    return code


if __name__ == "__main__":
    sys.exit(main())
