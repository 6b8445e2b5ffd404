"""Pengaturan: "Server basis data": add, edit, remove, Uji koneksi and Gunakan saat mulai."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from memory_keyring import MemoryKeyring, NoKeyring
from postgres_tcp import TCP_PASSWORD, tcp_server
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from kinerja_desktop.domain.connections import ConnectionProfile, SslMode
from kinerja_desktop.paths import connections_file
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.platform.connections import ConnectionStore
from kinerja_desktop.services.platform.server_passwords import KEYRING_SERVICE, ServerPasswords
from kinerja_desktop.ui.settings.connection_dialog import ConnectionDialog
from kinerja_desktop.ui.settings.page import SettingsPage
from kinerja_desktop.ui.settings.server_section import ServerSection

__all__ = ["tcp_server"]  # the fixture, for the tests below


@pytest.fixture
def store(tmp_path: Path) -> ConnectionStore:
    return ConnectionStore(tmp_path / "settings" / "connections.json")


def _section(qtbot: QtBot, store: ConnectionStore) -> ServerSection:
    section = ServerSection(store, ServerPasswords())
    qtbot.addWidget(section)
    section.show()
    return section


def _fill(dialog: ConnectionDialog, **values: str) -> None:
    for field, value in values.items():
        getattr(dialog, field).setText(value)


def test_a_new_connection_is_saved_and_its_password_goes_to_the_keyring(
    qtbot: QtBot, store: ConnectionStore, memory_keyring: MemoryKeyring
) -> None:
    section = _section(qtbot, store)
    dialog = section.dialog(None)
    _fill(dialog, name="Kantor", host="10.0.0.5", port="5433", user="tu", password="rahasia")
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("require"))

    dialog.save()
    section._after_save(dialog)

    saved = ConnectionProfile("Kantor", "10.0.0.5", 5433, "kinerja", "tu", SslMode.REQUIRE)
    assert store.profiles() == (saved,)
    assert section.table.item(0, 0).text() == "Kantor"
    assert section.table.item(0, 5).text() == "Wajib TLS"
    assert "rahasia" not in store.path.read_text(encoding="utf-8")
    assert memory_keyring.passwords == {(KEYRING_SERVICE, saved.key): "rahasia"}
    assert section.status.text() == "Koneksi Kantor disimpan."


def test_wrong_fields_are_named_under_them_and_nothing_is_saved(
    qtbot: QtBot, store: ConnectionStore
) -> None:
    section = _section(qtbot, store)
    dialog = section.dialog(None)
    qtbot.addWidget(dialog)
    _fill(dialog, name="Kantor", host="", port="abc", database="", user="tu")

    dialog.save()

    assert dialog.errors["host"].text() == "Host server wajib diisi."
    assert dialog.errors["port"].text().startswith("Port harus bilangan bulat 1 sampai 65535")
    assert dialog.errors["database"].text() == "Nama basis data wajib diisi."
    assert not dialog.errors["name"].isVisibleTo(dialog)
    assert dialog.saved is None
    assert not store.path.exists()


def test_editing_keeps_the_password_and_start_choice_and_remove_forgets_both(
    qtbot: QtBot, store: ConnectionStore, memory_keyring: MemoryKeyring
) -> None:
    first = ConnectionProfile("Kantor", "10.0.0.5", 5432, "kinerja", "tu")
    store.save(first)
    ServerPasswords().remember(first, "rahasia")
    section = _section(qtbot, store)
    section.select("Kantor")
    section.startup_button.click()
    assert store.startup() == first
    assert section.table.item(0, 6).text() == "Ya"

    dialog = section.dialog(first)
    _fill(dialog, name="Kantor pusat", host="10.0.0.6")
    dialog.save()
    section._after_save(dialog)

    moved = ConnectionProfile("Kantor pusat", "10.0.0.6", 5432, "kinerja", "tu")
    assert store.profiles() == (moved,)
    assert store.startup() == moved
    assert memory_keyring.passwords == {(KEYRING_SERVICE, moved.key): "rahasia"}
    section.select("Kantor pusat")
    section.remove_button.click()
    assert store.profiles() == ()
    assert store.startup() is None
    assert memory_keyring.passwords == {}


def test_open_the_file_at_start_again(qtbot: QtBot, store: ConnectionStore) -> None:
    store.save(ConnectionProfile("Kantor", "10.0.0.5", 5432, "kinerja", "tu"))
    store.set_startup("Kantor")
    section = _section(qtbot, store)
    assert section.file_button.isEnabled()

    section.file_button.click()

    assert store.startup() is None
    assert "berkas basis data di komputer ini" in section.status.text()
    assert not section.file_button.isEnabled()


def test_without_a_keyring_the_section_says_the_password_is_asked_each_start(
    qtbot: QtBot, store: ConnectionStore
) -> None:
    keyring.set_keyring(NoKeyring())
    section = _section(qtbot, store)
    dialog = section.dialog(None)
    _fill(dialog, name="Kantor", host="10.0.0.5", user="tu", password="rahasia")

    dialog.save()
    section._after_save(dialog)

    assert "keyring" in section.status.text()
    assert "rahasia" not in store.path.read_text(encoding="utf-8")


def test_uji_koneksi_names_the_server_version(
    qtbot: QtBot, store: ConnectionStore, server_url: URL
) -> None:
    store.save(
        ConnectionProfile.parse(
            name="Uji",
            host=server_url.query["host"],
            port=server_url.query["port"],
            database=server_url.database or "",
            user=server_url.username or "",
        )
    )
    section = _section(qtbot, store)
    section.select("Uji")

    section.test_button.click()

    qtbot.waitUntil(lambda: "Koneksi berhasil" in section.status.text(), timeout=20_000)
    assert "server PostgreSQL" in section.status.text()
    assert section.test_button.isEnabled()


def test_uji_koneksi_says_the_password_is_wrong(
    qtbot: QtBot, store: ConnectionStore, tcp_server: int
) -> None:
    profile = ConnectionProfile("Pusat", "127.0.0.1", tcp_server, "postgres", "kinerja")
    store.save(profile)
    ServerPasswords().remember(profile, TCP_PASSWORD + "x")
    section = _section(qtbot, store)
    section.select("Pusat")

    section.test_button.click()

    qtbot.waitUntil(section.error.isVisible, timeout=20_000)
    assert "menolak login" in section.error.text()


def test_pengaturan_lists_this_computer_s_saved_connections(
    qtbot: QtBot, services: AppServices
) -> None:
    ConnectionStore(connections_file()).save(
        ConnectionProfile("Kantor", "10.0.0.5", 5432, "kinerja", "tu")
    )

    page = SettingsPage(services.staff)
    qtbot.addWidget(page)

    assert page.servers.title() == "Server basis data"
    assert page.servers.table.item(0, 0).text() == "Kantor"
