"""Attachment content by SHA-256: stored once, read back, size limit with a clear message."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from planmgr.domain.errors import NotFoundError, ValidationError
from planmgr.services import blobs
from planmgr.store.database import Database, session_scope
from planmgr.store.models import Blob


def blob_count(database: Database) -> int:
    with session_scope(database.engine) as session:
        return int(session.execute(select(func.count()).select_from(Blob)).scalar_one())


def test_put_get_round_trip_and_dedup(any_database: Database) -> None:
    photo = bytes(range(256)) * 100
    sha = blobs.put(any_database.engine, photo, "现场照片1.jpg")
    assert sha == hashlib.sha256(photo).hexdigest()
    assert blobs.get(any_database.engine, sha) == photo
    # The same bytes under another name are the same blob.
    assert blobs.put(any_database.engine, photo, "副本.jpg") == sha
    assert blob_count(any_database) == 1
    other = blobs.put(any_database.engine, photo + b"!", "另一张.jpg")
    assert other != sha and blob_count(any_database) == 2


def test_size_limit_is_checked_and_explained(database: Database) -> None:
    at_limit = b"x" * blobs.MAX_BLOB_BYTES
    over = at_limit + b"x"
    with pytest.raises(blobs.BlobTooLarge) as caught:
        blobs.put(database.engine, over, "签到表扫描件.pdf")
    message = caught.value.message
    assert "签到表扫描件.pdf" in message and "太大" in message
    assert "20.0 MB" in message  # the limit, as people read it
    assert caught.value.exit_code == 2
    assert blob_count(database) == 0
    # Exactly at the limit is accepted.
    assert blobs.put(database.engine, at_limit, "刚好.bin") == hashlib.sha256(at_limit).hexdigest()


def test_empty_file_and_unknown_hash(database: Database) -> None:
    with pytest.raises(ValidationError, match="空文件"):
        blobs.put(database.engine, b"", "空.jpg")
    with pytest.raises(NotFoundError, match="找不到附件内容"):
        blobs.get(database.engine, "0" * 64)
    assert not blobs.exists(database.engine, "0" * 64)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("C:\\Users\\安全员\\Desktop\\签到表.jpg", "签到表.jpg"),
        ("/home/user/照片/IMG_0001.JPG", "IMG_0001.JPG"),
        ("../../etc/passwd", "passwd"),
        ("  演练方案.docx  ", "演练方案.docx"),
    ],
)
def test_filenames_lose_their_folders(given: str, kept: str) -> None:
    assert blobs.clean_filename(given) == kept


def test_blank_or_overlong_filename_is_refused() -> None:
    with pytest.raises(ValidationError, match="文件名不能为空"):
        blobs.clean_filename("C:\\照片\\")
    with pytest.raises(ValidationError, match="文件名过长"):
        blobs.clean_filename("长" * 261 + ".jpg")
