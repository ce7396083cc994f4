"""Failures and other processes: read-only, full disk, SIGKILL, two writers at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from reader.store.bookmarks import BookmarkStore, StoreError
from tests.store.helpers import make_document

ROOT = Path(__file__).resolve().parents[2]
PRELUDE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from reader.store.bookmarks import BookmarkStore, StoreError
    from tests.store.helpers import make_document
    doc = make_document()
    store = BookmarkStore(Path({path!r}))
    store.load()
    """
)


def _script(path: Path, body: str) -> list[str]:
    code = PRELUDE.format(root=str(ROOT), path=str(path)) + textwrap.dedent(body)
    return [sys.executable, "-c", code]


def test_config_dir_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the config directory should be")
    store = BookmarkStore(blocker / "bookmarks.yaml")
    assert store.load() == []
    with pytest.raises(StoreError, match="^cannot save bookmarks: "):
        store.add(make_document(), 0, 4)
    assert blocker.read_text().startswith("a file")


def test_read_only_replace_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.yaml"
    store = BookmarkStore(path)
    store.add(make_document(), 0, 4)
    before = path.read_bytes()

    def refuse(src: str, dst: str) -> None:
        raise OSError(30, "Read-only file system", dst)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StoreError, match="^cannot save bookmarks: Read-only file system"):
        store.add(make_document(), 5, 9)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml", "b.yaml.lock"]
    assert len(store.documents()[0].bookmarks) == 1


def test_full_disk_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    store = BookmarkStore(path)
    doc = make_document()
    for i in range(40):
        store.add(doc, i, i + 4, note="x" * 100)
    before = path.read_bytes()
    assert len(before) > 8192
    body = """
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            store.add(doc, 1, 3)
        except StoreError as error:
            print(error)
    """
    done = subprocess.run(_script(path, body), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("cannot save bookmarks: File too large")
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".b.yaml.*.tmp"))


@pytest.mark.slow
def test_two_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    body = """
        for i in range(200):
            store.add(doc, i % 50, i % 50 + 3, note=sys.argv[1] + str(i))
    """
    procs = [
        subprocess.Popen([*_script(path, body), name], stderr=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    store = BookmarkStore(path)
    assert store.load() == []
    (record,) = store.documents()
    notes = {b.note for b in record.bookmarks}
    assert notes == {f"{n}{i}" for n in "ab" for i in range(200)}


@pytest.mark.slow
def test_sigkill_during_saves_never_corrupts(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    seed = BookmarkStore(path)
    doc = make_document()
    for i in range(100):  # a bigger file widens the window in which a kill lands mid-write
        seed.add(doc, i % 60, i % 60 + 5, note=f"seed{i}")
    rng = random.Random(1234)
    written = 0
    for run in range(30):
        # fork, not a new interpreter: the writer starts saving at once, and 30
        # kills cost about a second instead of 30 interpreter start-ups.
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child is killed, never returns
            try:
                os.close(reading)
                writer = BookmarkStore(path)
                writer.load()
                for i in range(10**9):
                    writer.add(doc, 1, 5, note=f"{run}-{i}")
                    os.write(writing, b".")  # one save done: the parent may kill now
            finally:
                os._exit(1)
        os.close(writing)
        assert os.read(reading, 1) == b"."
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.close(reading)
        os.waitpid(pid, 0)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        (entry,) = data["documents"].values()
        notes = [b["note"] for b in entry["bookmarks"]]
        store = BookmarkStore(path)
        assert store.load() == []
        # Each run wrote notes run-0, run-1, ...: the file holds a prefix of them.
        mine = sorted(int(n.split("-")[1]) for n in notes if n.startswith(f"{run}-"))
        assert mine == list(range(len(mine)))
        assert sum(n.startswith("seed") for n in notes) == 100
        written += len(mine)
    assert written >= 30  # the kills really landed among saves
    # Temp files of killed writers are swept by the next save (under the lock).
    seed.add(doc, 0, 1)
    assert not list(tmp_path.glob(".b.yaml.*.tmp"))
