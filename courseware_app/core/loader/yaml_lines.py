"""Where a value sits in a YAML file: the line of a node found by its path of keys and indexes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yaml.nodes import Node


def child(node: Node | None, step: str | int) -> tuple[Node, Node] | None:
    """(where it is written, its value): the key and value of key ``step`` in a mapping node, or
    item ``step`` (twice) of a sequence node."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if isinstance(node, MappingNode) and isinstance(step, str):
        pairs: list[tuple[Node, Node]] = node.value
        return next(
            (kv for kv in pairs if isinstance(kv[0], ScalarNode) and kv[0].value == step), None
        )
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item: Node = node.value[step]
        return item, item
    return None


class NodeLines:
    """1-based file lines of the values in one YAML document that starts on line ``first``."""

    def __init__(self, root: Node | None, first: int = 1):
        self.root, self.first = root, first

    def line(self, *path: str | int) -> int:
        """The line of the value at ``path``, else of its nearest ancestor that exists."""
        node, best = self.root, self.first
        for step in path:
            found = child(node, step)
            if found is None:
                break
            best, node = self.first + found[0].start_mark.line, found[1]
        return best
