"""The rules engine imports nothing of the web framework or the rest of the project."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import refusjon.rules

# YAML for the parameter and scheme files; msgspec to read and write JSON Lines quickly;
# jsonschema to check a scheme file against its published schema.
ALLOWED_THIRD_PARTY = {"yaml", "msgspec", "jsonschema"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_the_engine_imports_only_itself_the_standard_library_and_three_libraries() -> None:
    package = Path(refusjon.rules.__file__).parent
    offenders = []
    for path in package.rglob("*.py"):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if module.startswith("refusjon."):
                if not module.startswith("refusjon.rules"):
                    offenders.append(f"{path.name}: {module}")
            elif top not in sys.stdlib_module_names and top not in ALLOWED_THIRD_PARTY:
                offenders.append(f"{path.name}: {module}")
    assert offenders == []
