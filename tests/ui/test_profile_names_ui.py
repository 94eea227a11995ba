"""The profile manager says why a name with a control character is refused (issue 20 #7)."""

from types import SimpleNamespace

import pytest

from courseware_app.core.progress import ProgressStore
from courseware_app.ui.progress_profiles import ProfileManager


@pytest.fixture
def manager(tmp_path):
    store = ProgressStore.open(tmp_path / "data")
    said: list[str] = []
    controller = SimpleNamespace(
        store=store,
        warn=lambda _parent, _title, text: said.append(text),
        profile_prefs=SimpleNamespace(set_empty=lambda _id: None),
    )
    yield ProfileManager(controller), said
    store.close()


def test_a_control_character_in_a_new_name_is_explained(manager):
    profiles, said = manager
    assert profiles.create("Bob\x01") is None
    assert said == ["A name cannot contain control characters."]
    assert profiles.profiles() == []
