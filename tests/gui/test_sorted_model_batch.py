"""Many changed rows at once (an import's slice) give the same rows as a fresh build,
and the selection and current row stay on their records."""

from __future__ import annotations

import random
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from desktop.ui import sorted_model
from desktop.ui.rows_model import KeyedRowsModel
from desktop.ui.sorted_model import SortedRecordsModel


@dataclass(frozen=True)
class Rec:
    id: int
    day: int
    shown: bool = True


class Model(SortedRecordsModel):
    columns = ("day",)

    def data(self, index, role=0):  # noqa: ANN001, ANN201 - Qt's signature
        return self.record(index.row()).day if role == 0 else None


def _model(records: list[Rec], *, descending: bool = False) -> Model:
    m = Model(lambda r: r.day)
    m.accepts = lambda r: r.shown
    m.set_order(lambda r: r.day, descending)
    m.set_records(records)
    return m


def test_a_batch_of_changes_equals_a_fresh_build_and_keeps_the_selection(qtbot) -> None:
    rng = random.Random(7)
    records = {i: Rec(i, rng.randrange(50)) for i in range(400)}
    for descending in (False, True):
        model = _model(list(records.values()), descending=descending)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        chosen, current = 17, 250
        sel = view.selectionModel()
        sel.select(model.index(model.row_of(chosen), 0), QItemSelectionModel.SelectionFlag.Select)
        sel.setCurrentIndex(model.index(model.row_of(current), 0),
                            QItemSelectionModel.SelectionFlag.NoUpdate)
        later = dict(records)
        changed = [Rec(i, rng.randrange(50), shown=rng.random() > 0.2)
                   for i in rng.sample(sorted(set(records) - {chosen, current}), 120)]
        changed += [Rec(1000 + k, rng.randrange(50)) for k in range(80)]
        changed.append(Rec(chosen, 99))  # the selected record moves to the end
        gone = set(rng.sample(sorted(set(records) - {chosen, current}), 60))
        assert len(changed) > sorted_model.BATCH and len(gone) > sorted_model.BATCH
        model.upsert(changed)
        model.remove(gone)
        for r in changed:
            later[r.id] = r
        for i in gone:
            del later[i]
        fresh = _model(list(later.values()), descending=descending)
        assert [r.id for r in model.rows] == [r.id for r in fresh.rows]
        assert view.model().rowCount() == fresh.rowCount()
        assert [model.record(i.row()).id for i in sel.selectedRows()] == [chosen]
        assert model.record(sel.currentIndex().row()).id == current
        assert view.model().index(model.row_of(chosen), 0).data() == 99


class Library(KeyedRowsModel):
    columns = ("title",)


def test_new_library_rows_arrive_as_one_block_and_changed_ones_in_place(qtbot) -> None:
    model = Library()
    model.set_rows([{"id": i, "title": f"t{i}"} for i in range(5)])
    inserted: list[tuple[int, int]] = []
    changed: list[int] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.upsert([{"id": 2, "title": "renamed"}, {"id": 9, "title": "new"},
                  {"id": 3, "title": "t3"}, {"id": 7, "title": "newer"},
                  {"id": 9, "title": "new, twice"}])
    assert inserted == [(5, 6)]
    assert changed == [2]  # an unchanged row signals nothing
    assert [r["title"] for r in model.rows] == ["t0", "t1", "renamed", "t3", "t4",
                                                 "new, twice", "newer"]
    assert {i: model.rows[p]["id"] for i, p in model.pos.items()} == {
        i: i for i in (0, 1, 2, 3, 4, 9, 7)}


def _signals(model: Model) -> list[tuple]:
    seen: list[tuple] = []
    model.modelAboutToBeReset.connect(lambda: seen.append(("reset",)))
    model.layoutAboutToBeChanged.connect(lambda *_a: seen.append(("layout",)))
    model.rowsInserted.connect(lambda _p, first, last: seen.append(("inserted", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: seen.append(("removed", first, last)))
    return seen


def test_batched_inserts_land_where_a_full_sort_puts_them(qtbot) -> None:
    """Batches of new, moved, hidden and removed records, some scattered over the table
    (one layout change) and some in a few runs (row signals), checked by Qt's model tester
    and against a fresh build after each batch."""
    from PySide6.QtTest import QAbstractItemModelTester

    rng = random.Random(11)
    for descending in (False, True):
        records = {i: Rec(i, rng.randrange(1000)) for i in range(2000)}
        model = _model(list(records.values()), descending=descending)
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        next_id = 5000
        for round_no in range(12):
            scattered = round_no % 2 == 0
            days = ([rng.randrange(1000) for _ in range(300)] if scattered
                    else [rng.choice((3, 500, 999))] * 70)  # three runs
            batch = [Rec(next_id + k, d) for k, d in enumerate(days)]
            next_id += len(batch)
            if scattered:  # and some that move, hide or stay put
                for i in rng.sample(sorted(records), 100):
                    batch.append(Rec(i, rng.choice((records[i].day, rng.randrange(1000))),
                                     shown=rng.random() > 0.2))
            seen = _signals(model)
            model.upsert(batch)
            for r in batch:
                records[r.id] = r
            if scattered:
                gone = set(rng.sample(sorted(records), 80))
                model.remove(gone)
                for i in gone:
                    del records[i]
            fresh = _model(list(records.values()), descending=descending)
            assert [r.id for r in model.rows] == [r.id for r in fresh.rows]
            assert model._keys == fresh._keys
            assert ([view.model().index(i, 0).data() for i in range(view.model().rowCount())]
                    == [fresh.record(i).day for i in range(fresh.rowCount())])
            assert ("reset",) not in seen
            assert (("layout",) in seen) == scattered


def test_a_small_batch_arrives_as_row_insertions_not_a_reset(qtbot) -> None:
    records = [Rec(i, i * 10) for i in range(1000)]
    model = _model(records)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    sel = view.selectionModel()
    sel.setCurrentIndex(model.index(model.row_of(700), 0),
                        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    seen = _signals(model)
    batch = [Rec(2000 + k, 5005) for k in range(40)] + [Rec(3000 + k, 20) for k in range(30)]
    assert len(batch) > sorted_model.BATCH
    model.upsert(batch)
    # rows 0..2 are days 0, 10, 20 (id 2); the 30 new day-20 records sort after it by id
    assert seen == [("inserted", 501, 540), ("inserted", 3, 32)]
    assert model.record(sel.currentIndex().row()).id == 700
    assert [r.id for r in model.rows] == [r.id for r in _model(records + batch).rows]
