"""A tree model that fetches children when a node is expanded (DESIGN.md §8).

Each node knows how many children it has (the service returns the count with the node),
so ``hasChildren`` is answered without a query and the view draws an expand arrow; the
children themselves arrive through ``canFetchMore``/``fetchMore`` in batches, one
service call (one query) per batch. A 100k-plan database opens as fast as a small one.

Subclasses supply the service calls and how a node looks; nodes are plain dataclasses
with a ``uid``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

UID_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_ROLE = Qt.ItemDataRole.UserRole + 2

DEFAULT_BATCH = 500  # a town's villages and enterprises in one query; longer lists in several

# Views ask for flags of every row they lay out: combine the enum members once.
_LEAF_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_NODE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(eq=False)
class _Node:
    key: int
    data: Any
    parent: _Node | None
    row: int
    total: int  # children in the database (as last reported)
    children: list[_Node] = field(default_factory=list)


class LazyTreeModel(QAbstractItemModel):
    """Base of the plan and unit trees. ``load_failed`` carries a message for the user."""

    load_failed = Signal(str)

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None, *, batch_size: int = DEFAULT_BATCH) -> None:
        super().__init__(parent)
        self.batch_size = batch_size
        self._nodes: dict[int, _Node] = {}
        self._by_uid: dict[str, _Node] = {}
        self._next_key = 1
        self._root = _Node(0, None, None, 0, 0)

    # ------------------------------------------------------------------ for subclasses

    def _count_top(self) -> int:
        raise NotImplementedError

    def _fetch_children(self, parent_uid: str | None, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def _child_count(self, data: Any) -> int:
        return int(data.child_count)

    def _display(self, data: Any, column: int) -> str | None:
        raise NotImplementedError

    def _role_data(self, data: Any, column: int, role: int) -> Any:
        """Roles other than display (decoration, foreground, tool tip)."""
        return None

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Forget everything and read the top level's size again (refresh, another database)."""
        self.beginResetModel()
        self._nodes.clear()
        self._by_uid.clear()
        self._root = _Node(0, None, None, 0, 0)
        try:
            self._root.total = self._count_top()
        except Exception as error:
            self._report(error)
        self.endResetModel()

    def top_level_count(self) -> int:
        """How many top-level nodes the database has (fetched or not)."""
        return self._root.total

    def _report(self, error: Exception) -> None:
        from planmgr.domain.errors import PlanmgrError

        if not isinstance(error, PlanmgrError):
            raise error
        log.warning("tree load failed: %s", error.message)
        self.load_failed.emit(error.message)

    def _node(self, index: ModelIndex) -> _Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    def canFetchMore(self, parent: ModelIndex) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return len(node.children) < node.total

    def fetchMore(self, parent: ModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        node = self._node(parent)
        offset = len(node.children)
        uid = None if node is self._root else node.data.uid
        try:
            batch = self._fetch_children(uid, offset, self.batch_size)
        except Exception as error:
            node.total = offset  # stop asking; a refresh tries again
            self._report(error)
            return
        expected = min(self.batch_size, node.total - offset)
        if batch:
            self.beginInsertRows(parent, offset, offset + len(batch) - 1)
            for row, data in enumerate(batch, start=offset):
                child = _Node(self._next_key, data, node, row, self._child_count(data))
                self._next_key += 1
                self._nodes[child.key] = child
                self._by_uid[data.uid] = child
                node.children.append(child)
            self.endInsertRows()
        if len(batch) < expected:  # rows went away since the count: stop at what exists
            node.total = len(node.children)

    def fetch_all(self, parent: ModelIndex) -> None:
        """Fetch every batch under ``parent`` (tools and tests; views fetch as they scroll)."""
        while self.canFetchMore(parent):
            before = len(self._node(parent).children)
            self.fetchMore(parent)
            if len(self._node(parent).children) == before:
                break

    def index_of_uid(self, uid: str, column: int = 0) -> QModelIndex:
        """The index of an already-fetched node, or an invalid index."""
        node = self._by_uid.get(uid)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.key)

    # ------------------------------------------------------------------ structure

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            node = self._nodes[parent.internalId()]
        else:
            node = self._root
        if not (0 <= row < len(node.children) and 0 <= column < len(self.headers)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].key)

    def parent(self, index: ModelIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up.key)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.headers)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return node.total > 0 or bool(node.children)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        node = self._nodes[index.internalId()]
        if index.column() != 0 or (node.total == 0 and not node.children):
            return _LEAF_FLAGS
        return _NODE_FLAGS

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node.data, column)
        if role == UID_ROLE:
            return node.data.uid
        if role == NODE_ROLE:
            return node.data
        return self._role_data(node.data, column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None
