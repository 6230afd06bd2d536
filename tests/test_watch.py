"""`timeline serve`'s watch of the content folders: a change touches the signal file the server polls, a read
does not (a build reads every article)."""

from __future__ import annotations

import time

from generator.watch import ContentWatch


def signal_changes_within(watch: ContentWatch, seconds: float, action=lambda: None) -> bool:
    """Whether the signal changes within `seconds` of `action`; its value is read before the action, since the
    watch may report the change before this function would otherwise first look."""
    before = watch.signal.read_text(encoding="utf-8")
    action()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watch.signal.read_text(encoding="utf-8") != before:
            return True
        time.sleep(0.05)
    return False


def test_an_edit_in_a_content_folder_touches_the_signal_and_a_read_does_not(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: A\n---\n", encoding="utf-8")
    watch = ContentWatch([tmp_path])
    try:
        if tmp_path in watch.paths_to_poll:  # the system cannot watch here: the server polls the folder
            assert watch.paths_to_poll == [watch.signal, tmp_path]
            return
        assert watch.paths_to_poll == [watch.signal]
        assert not signal_changes_within(watch, 0.5, lambda: article.read_text(encoding="utf-8"))
        assert signal_changes_within(watch, 5, lambda: article.write_text("---\ntitle: B\n---\n", encoding="utf-8"))
        time.sleep(0.3)  # the write's last events ("closed") are in before the next action
        assert signal_changes_within(watch, 5, article.unlink)
    finally:
        watch.stop()
    assert not watch.signal.exists()  # the session's signal folder is gone with it
