"""Two reports of one happening (and one more each): the second merges one suggestion."""

from __future__ import annotations

from pathlib import Path

FIRST = ("Jets strike Idlib town\n\nBEIRUT, September 8, 2018 (Reuters) - Russian jets bombed "
         "the town of Khan Sheikhoun on Friday, killing 12 civilians, a monitor said.\n\n"
         "The Syrian army shelled villages near Hama on Thursday.\n")
SECOND = ("Civilians killed in Idlib raids\n\nBEIRUT, September 8, 2018 (AP) - Russian "
          "warplanes bombed Khan Sheikhoun on Friday, killing 12 civilians, according to a "
          "war monitor.\n\nRebels said they fired rockets at a government position on "
          "Saturday.\n")


def write_pair(folder: Path) -> list[Path]:
    (folder / "a.txt").write_text(FIRST, encoding="utf-8")
    (folder / "b.txt").write_text(SECOND, encoding="utf-8")
    return [folder / "a.txt", folder / "b.txt"]
