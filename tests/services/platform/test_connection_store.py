"""Saved server connections: JSON in the settings folder, passwords only in the keyring."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from memory_keyring import MemoryKeyring, NoKeyring

from kinerja_desktop.domain.connections import ConnectionProfile, SslMode
from kinerja_desktop.domain.errors import StorageError, ValidationError
from kinerja_desktop.paths import connections_file
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_passwords import (
    KEYRING_SERVICE,
    KeyringUnavailableError,
    ServerPasswords,
)

OFFICE = ConnectionProfile("Kantor", "db.kantor.go.id", 5432, "kinerja", "pengelola")
BRANCH = ConnectionProfile("Cabang", "10.0.0.9", 6543, "kinerja_cabang", "tu", SslMode.REQUIRE)


def test_connections_are_kept_in_the_settings_folder_across_stores(
    private_data_dir: Path,
) -> None:
    ConnectionStore(connections_file()).save(OFFICE)
    ConnectionStore(connections_file()).save(BRANCH)

    again = ConnectionStore(private_data_dir / "settings" / "connections.json")
    assert again.profiles() == (OFFICE, BRANCH)
    assert again.get("kantor") == OFFICE
    assert again.startup() is None


def test_editing_renames_in_place_and_keeps_the_start_choice(tmp_path: Path) -> None:
    store = ConnectionStore(tmp_path / "connections.json")
    store.save(OFFICE)
    store.save(BRANCH)
    store.set_startup("Kantor")

    renamed = ConnectionProfile("Kantor pusat", "db2.kantor.go.id", 5432, "kinerja", "pengelola")
    store.save(renamed, replacing="Kantor")

    assert store.profiles() == (renamed, BRANCH)
    assert store.startup() == renamed
    store.remove("Kantor pusat")
    assert store.profiles() == (BRANCH,)
    assert store.startup() is None


def test_a_second_connection_with_the_same_name_is_refused(tmp_path: Path) -> None:
    store = ConnectionStore(tmp_path / "connections.json")
    store.save(OFFICE)

    with pytest.raises(ValidationError) as caught:
        store.save(BRANCH.__class__("KANTOR", "h", 5432, "d", "u"))

    assert caught.value.field == "name"
    assert store.profiles() == (OFFICE,)


def test_a_damaged_list_is_named_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "connections.json"
    path.write_text('{"connections": [{"name": ""}]}', encoding="utf-8")

    with pytest.raises(StorageError) as caught:
        ConnectionStore(path).profiles()

    assert str(path) in caught.value.message
    assert path.read_text(encoding="utf-8") == '{"connections": [{"name": ""}]}'


def test_the_password_goes_to_the_keyring_never_to_the_file(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = ConnectionStore(tmp_path / "connections.json")
    store.save(OFFICE)
    passwords = ServerPasswords()

    passwords.remember(OFFICE, "rahasia-sekali")

    assert "rahasia-sekali" not in store.path.read_text(encoding="utf-8")
    assert memory_keyring.passwords == {(KEYRING_SERVICE, OFFICE.key): "rahasia-sekali"}
    assert ServerPasswords().get(OFFICE) == "rahasia-sekali"  # a new run reads the keyring
    passwords.forget(OFFICE)
    assert ServerPasswords().get(OFFICE) is None


def test_without_a_keyring_the_password_is_kept_for_this_run_only() -> None:
    keyring.set_keyring(NoKeyring())
    passwords = ServerPasswords()

    assert passwords.get(OFFICE) is None
    with pytest.raises(KeyringUnavailableError) as caught:
        passwords.remember(OFFICE, "rahasia")

    assert "keyring" in caught.value.message
    assert passwords.get(OFFICE) == "rahasia"
    assert ServerPasswords().get(OFFICE) is None  # the next start asks again
    passwords.forget(OFFICE)  # no keyring to forget in: no error
    assert passwords.get(OFFICE) is None
