"""Publisher keys: Ed25519 (PyNaCl), the private key sealed by a passphrase (Argon2id +
SecretBox), the public keys the app trusts."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.signing
import nacl.utils

from courseware_app.core import atomic
from courseware_app.core.i18n import _
from courseware_app.core.packs.model import PackError

PRIVATE_NAME: Final = "publisher.key"
PUBLIC_NAME: Final = "publisher.pub"
TRUSTED_DIR: Final = "trusted-keys"
PUBLIC_KIND: Final = "courseware-publisher-key"
PRIVATE_KIND: Final = "courseware-publisher-private-key"
KEY_BYTES: Final = 32
MAX_KEY_FILE_BYTES: Final = 10_000
# Argon2id's cost for sealing the private key (about 3 s and 256 MiB, once per build); a key
# file asking for more than these is refused, so a crafted file cannot exhaust the machine.
KDF_OPSLIMIT: int = nacl.pwhash.argon2id.OPSLIMIT_MODERATE
KDF_MEMLIMIT: int = nacl.pwhash.argon2id.MEMLIMIT_MODERATE
MAX_OPSLIMIT: Final = nacl.pwhash.argon2id.OPSLIMIT_SENSITIVE
MAX_MEMLIMIT: Final = nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE


@dataclass(frozen=True)
class PublicKey:
    name: str
    key: bytes  # the 32 bytes of the Ed25519 verify key

    @property
    def fingerprint_hex(self) -> str:
        return hashlib.sha256(self.key).hexdigest()

    @property
    def key_id(self) -> str:
        """The first 16 hex digits of the key's SHA-256: the id a manifest names."""
        return self.fingerprint_hex[:16]

    @property
    def fingerprint(self) -> str:
        """The SHA-256 of the key in groups of four, to read aloud and compare."""
        digits = self.fingerprint_hex
        return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))

    def verifies(self, data: bytes, signature: bytes) -> bool:
        try:
            nacl.signing.VerifyKey(self.key).verify(data, signature)
        except (nacl.exceptions.BadSignatureError, ValueError, TypeError):
            return False
        return True

    def text(self) -> str:
        document = {"kind": PUBLIC_KIND, "algorithm": "ed25519", "name": self.name}
        document["key"] = _b64(self.key)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class SigningKey:
    """An unsealed private key: it signs manifests."""

    name: str
    seed: bytes

    @classmethod
    def generate(cls, name: str) -> SigningKey:
        return cls(name, bytes(nacl.signing.SigningKey.generate()))

    @property
    def public(self) -> PublicKey:
        verify = nacl.signing.SigningKey(self.seed).verify_key
        return PublicKey(self.name, bytes(verify))

    def sign(self, data: bytes) -> bytes:
        """The detached 64-byte signature of ``data``."""
        return nacl.signing.SigningKey(self.seed).sign(data).signature

    def sealed_text(self, passphrase: str) -> str:
        """The private key file: the seed in a SecretBox keyed by Argon2id of the passphrase."""
        salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
        box = nacl.secret.SecretBox(_derive(passphrase, salt, KDF_OPSLIMIT, KDF_MEMLIMIT))
        document: dict[str, object] = {
            "kind": PRIVATE_KIND,
            "algorithm": "ed25519",
            "name": self.name,
            "kdf": "argon2id",
            "opslimit": KDF_OPSLIMIT,
            "memlimit": KDF_MEMLIMIT,
            "salt": _b64(salt),
            "sealed": _b64(bytes(box.encrypt(self.seed))),
            "public": _b64(self.public.key),
        }
        return json.dumps(document, indent=2) + "\n"


Passphrase = str | Callable[[], str]


def _given(passphrase: Passphrase) -> str:
    return passphrase if isinstance(passphrase, str) else passphrase()


def _derive(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return nacl.pwhash.argon2id.kdf(
        nacl.secret.SecretBox.KEY_SIZE,
        passphrase.encode("utf-8"),
        salt,
        opslimit=opslimit,
        memlimit=memlimit,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    data = base64.b64decode(text, validate=True)
    if size is not None and len(data) != size:
        raise ValueError("wrong size")
    return data


def _read_json(path: Path) -> dict[str, object] | None:
    """A small JSON object from a key file; None when it is not one. OSError passes."""
    with path.open("rb") as f:
        raw = f.read(MAX_KEY_FILE_BYTES + 1)
    if len(raw) > MAX_KEY_FILE_BYTES:
        return None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return document if isinstance(document, dict) else None


def _cannot_read(path: Path, exc: OSError) -> PackError:
    reason = exc.strerror or exc.__class__.__name__
    return PackError(_("cannot read {path}: {reason}").format(path=path, reason=reason))


def read_public_key(path: Path) -> PublicKey:
    """A ``publisher.pub`` file; PackError when it cannot be read or is not one."""
    try:
        document = _read_json(path)
    except OSError as exc:
        raise _cannot_read(path, exc) from exc
    try:
        if document is None or document.get("kind") != PUBLIC_KIND:
            raise ValueError("kind")
        key = _unb64(document.get("key"), KEY_BYTES)
    except (ValueError, binascii.Error) as exc:
        raise PackError(_("{path} is not a publisher public key").format(path=path)) from exc
    name = document.get("name")
    return PublicKey(name if isinstance(name, str) else "", key)


def read_private_key(path: Path, passphrase: Passphrase) -> SigningKey:
    """Unseal a ``publisher.key`` file; PackError when it is not one or the passphrase is
    wrong. A callable passphrase is asked for once the file is known to be a key."""
    try:
        document = _read_json(path)
    except OSError as exc:
        raise _cannot_read(path, exc) from exc
    not_one = PackError(_("{path} is not a publisher private key").format(path=path))
    if document is None or document.get("kind") != PRIVATE_KIND:
        raise not_one
    ops, mem = document.get("opslimit"), document.get("memlimit")
    if not (isinstance(ops, int) and 0 < ops <= MAX_OPSLIMIT):
        raise not_one
    if not (isinstance(mem, int) and 0 < mem <= MAX_MEMLIMIT):
        raise not_one
    try:
        salt = _unb64(document.get("salt"), nacl.pwhash.argon2id.SALTBYTES)
        sealed = _unb64(document.get("sealed"))
    except (ValueError, binascii.Error) as exc:
        raise not_one from exc
    try:
        box = nacl.secret.SecretBox(_derive(_given(passphrase), salt, ops, mem))
        seed = box.decrypt(sealed)
    except nacl.exceptions.CryptoError as exc:
        raise PackError(_("wrong passphrase for {path}").format(path=path)) from exc
    name = document.get("name")
    return SigningKey(name if isinstance(name, str) else "", seed)


def write_key_pair(folder: Path, name: str, passphrase: Passphrase) -> tuple[Path, Path]:
    """Create ``folder`` and write exactly ``publisher.key`` (readable by its owner only) and
    ``publisher.pub``; PackError when ``folder`` exists already (keys are never mixed with
    other files, nor written over)."""
    private, public = folder / PRIVATE_NAME, folder / PUBLIC_NAME
    if folder.exists() or folder.is_symlink():
        message = _("{path} exists already; give a new folder (nothing was written)")
        raise PackError(message.format(path=folder))
    passphrase = _given(passphrase)
    key = SigningKey.generate(name)
    folder.mkdir(parents=True)
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(key.sealed_text(passphrase))
        f.flush()
        os.fsync(f.fileno())
    atomic.write_text(public, key.public.text())
    return private, public


def trusted_keys(data_dir: Path, shipped: Path) -> dict[str, PublicKey]:
    """Every key the app trusts, by key id: ``shipped/*.pub`` and ``<data>/trusted-keys/``.
    A file there that is not a key is passed over."""
    found: dict[str, PublicKey] = {}
    for folder in (shipped, data_dir / TRUSTED_DIR):
        for path in sorted(folder.glob("*.pub")) if folder.is_dir() else ():
            try:
                key = read_public_key(path)
            except PackError:
                continue
            found.setdefault(key.key_id, key)
    return found


def trust_key(key: PublicKey, data_dir: Path) -> Path:
    """Add ``key`` to ``<data>/trusted-keys/`` as ``KEY_ID.pub``; its path."""
    path = data_dir / TRUSTED_DIR / f"{key.key_id}.pub"
    atomic.write_text(path, key.text(), parents=True)
    return path
