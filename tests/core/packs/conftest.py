"""Fast key sealing for tests (the real cost is seconds and 256 MiB on purpose)."""

import pytest

from courseware_app.core.packs import keys


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys, "KDF_OPSLIMIT", 1)
    monkeypatch.setattr(keys, "KDF_MEMLIMIT", 8 * 1024 * 1024)
