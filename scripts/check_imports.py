"""Import-boundary check: the rules of ARCHITECTURE.md ("Which way imports run"), read from the AST of app/, the
engines and migrations/. `make check` runs it; `python scripts/check_imports.py --help` says how.

Rules (a lower layer never imports a higher one):
  layers        app.core -> app.models -> engines -> app.auth, app.http, app.background -> domains -> app.cli, app.main
  core          app.core imports nothing else of the project
  engines       an engine imports only app.core, app.models and the engines before it in ENGINES
  engine-order  the engines run one way, in the order of ENGINES
                (ledger -> membership -> trust -> promotion -> search -> matching)
  auth          app.auth imports only app.core and app.models
  http-background  app.http and app.background import no domain
  domain-cycle  no import cycle between domain folders (every app/<folder> that is not a layer named above)
  migrations    a migration imports nothing from app but app.core and app.models

Every import counts, wherever it is written: inside functions (a deferred import is still a dependency, and is the
usual way a cycle gets hidden) and under `if TYPE_CHECKING:` (types of a higher layer in a lower one are still an
arrow the wrong way). A loose module file at the top of app/ (other than main.py) counts as a domain for the layers,
but is not a node of the cycle check. Imports of other packages (the standard library, third parties) are ignored.

Why not import-linter: its layers, forbidden and acyclic_siblings contracts cover most of this, but migrations/ is no
importable package, and every domain folder would have to be listed by name; one pass over the AST covers every rule,
finds new domain folders by itself and prints each cycle's path.
"""

from __future__ import annotations

import argparse
import ast
import sys
import tomllib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The engines, in the one direction their imports run: each may import only the ones before it.
# Adding an engine (promotion, say) is adding its top-level package name here.
ENGINES: tuple[str, ...] = ("ledger", "membership", "trust", "promotion", "search", "matching")
RANKS = {"core": 0, "models": 1, "engine": 2, "auth": 3, "http": 3, "background": 3, "domain": 4, "loose": 4, "top": 5}
FIXED_KINDS = {"core": "core", "models": "models", "auth": "auth", "http": "http", "background": "background",
               "cli": "top", "main": "top"}
CONFIG_TABLE = "import-boundaries"


@dataclass(frozen=True)
class Unit:
    """The part of the project a module belongs to: `app.core`, `search`, `app.rfqs`, `migrations`..."""

    name: str
    kind: str


@dataclass(frozen=True)
class Import:
    """One import statement's edge: the importing module (and where it is written) and the module it names."""

    source: str
    path: str
    line: int
    target: str

    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Violation:
    """A broken rule, with the import that breaks it (or, for a cycle, one import per hop)."""

    rule: str
    message: str
    imports: tuple[Import, ...]

    def __str__(self) -> str:
        if self.rule == "domain-cycle":
            hops = "".join(f"\n    {i.where()}: {i.source} imports {i.target}" for i in self.imports)
            return f"[{self.rule}] {self.message}{hops}"
        first = self.imports[0]
        return f"{first.where()}: [{self.rule}] {first.source} imports {first.target}: {self.message}"


@dataclass(frozen=True)
class Layout:
    """What the tree holds: the project's module names, the domain folders and loose modules of app/."""

    root: Path
    engines: tuple[str, ...]
    modules: frozenset[str]
    folders: frozenset[str]
    loose: frozenset[str]

    def unit_of(self, module: str) -> Unit | None:
        """The unit of a project module, or None for anything outside the project (and the bare `app` package)."""
        parts = module.split(".")
        if parts[0] in self.engines:
            return Unit(parts[0], "engine")
        if parts[0] != "app" or len(parts) == 1:
            return None
        name = parts[1]
        kind = FIXED_KINDS.get(name) or ("loose" if name in self.loose else "domain")
        return Unit(f"app.{name}", kind)


def scan_layout(root: Path, engines: Sequence[str] = ENGINES) -> Layout:
    """Reads which packages, domain folders and loose modules exist under root."""
    modules = frozenset(module_name(root, path) for path in python_files(root, ["app", *engines]))
    children = list((root / "app").iterdir()) if (root / "app").is_dir() else []
    folders = frozenset(p.name for p in children if p.is_dir() and any(p.rglob("*.py")))
    loose = frozenset(p.stem for p in children if p.suffix == ".py" and p.stem not in {"__init__", "main"})
    return Layout(root, tuple(engines), modules, folders, loose)


def python_files(root: Path, tops: Iterable[str]) -> Iterator[Path]:
    """Every .py file under the given top-level folders of root, in a stable order."""
    for top in tops:
        if (root / top).is_dir():
            yield from sorted(p for p in (root / top).rglob("*.py") if "__pycache__" not in p.parts)


def module_name(root: Path, path: Path) -> str:
    """`app/rfqs/service.py` -> `app.rfqs.service`; `app/rfqs/__init__.py` -> `app.rfqs`."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(layout: Layout, path: Path) -> Iterator[Import]:
    """Every import written anywhere in one file (module level, functions, TYPE_CHECKING blocks), resolved."""
    source = module_name(layout.root, path)
    is_package = path.name == "__init__.py"
    where = path.relative_to(layout.root).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        for target in targets(layout, node, source, is_package):
            yield Import(source, where, getattr(node, "lineno", 0), target)


def targets(layout: Layout, node: ast.AST, source: str, is_package: bool) -> list[str]:
    """The modules one import node names; `from pkg import name` names pkg.name when that is a module."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = resolve_base(node, source, is_package)
    if not base:
        return []
    found = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in layout.modules]
    return found if len(found) == len(node.names) else [*found, base]


def resolve_base(node: ast.ImportFrom, source: str, is_package: bool) -> str:
    """The absolute module of `from X import ...`, resolving leading dots against the importing module."""
    if node.level == 0:
        return node.module or ""
    package = source.split(".") if is_package else source.split(".")[:-1]
    kept = package[: len(package) - (node.level - 1)]
    return ".".join([*kept, node.module] if node.module else kept)


def judge(source: Unit, target: Unit, engines: Sequence[str]) -> tuple[str, str] | None:
    """The rule one import between two different units breaks, with the reason; None when it is allowed."""
    if source.kind == "core":
        return "core", "app.core imports nothing else of the project"
    if source.kind == "engine":
        return judge_engine(source, target, engines)
    if source.kind == "auth" and target.kind not in {"core", "models"}:
        return "auth", "app.auth imports only app.core and app.models"
    if source.kind in {"http", "background"} and target.kind in {"domain", "loose"}:
        return "http-background", "app.http and app.background import no domain"
    if RANKS[target.kind] > RANKS[source.kind]:
        return "layers", f"{describe(source)} is below {describe(target)} (a lower layer never imports a higher one)"
    return None


def judge_engine(source: Unit, target: Unit, engines: Sequence[str]) -> tuple[str, str] | None:
    """Engines import app.core, app.models and the engines before them, nothing else."""
    if target.kind == "engine":
        if engines.index(target.name) > engines.index(source.name):
            return "engine-order", f"engines import only the engines before them ({' -> '.join(engines)})"
        return None
    if target.kind in {"core", "models"}:
        return None
    return "engines", "an engine imports only app.core, app.models and the engines before it from the project"


def describe(unit: Unit) -> str:
    """A unit as a reader knows its layer: `app.models`, `engine search`, `domain app.rfqs`..."""
    labels = {"engine": "engine", "domain": "domain", "loose": "domain module", "top": "composition root"}
    label = labels.get(unit.kind)
    return f"{label} {unit.name}" if label else unit.name


def layer_violations(layout: Layout, edges: Iterable[Import]) -> Iterator[Violation]:
    """One violation per import that runs against the layers, the engines' rules, auth's and http's."""
    for edge in edges:
        source, target = layout.unit_of(edge.source), layout.unit_of(edge.target)
        if source is None or target is None or source == target:
            continue
        verdict = judge(source, target, layout.engines)
        if verdict:
            yield Violation(verdict[0], verdict[1], (edge,))


def migration_violations(layout: Layout, edges: Iterable[Import]) -> Iterator[Violation]:
    """One violation per import of app code by a migration, other than app.core and app.models."""
    for edge in edges:
        target = layout.unit_of(edge.target)
        if target is not None and target.name.startswith("app.") and target.kind not in {"core", "models"}:
            yield Violation("migrations", "a migration imports nothing from app but app.core and app.models", (edge,))


def domain_graph(layout: Layout, edges: Iterable[Import]) -> dict[str, dict[str, Import]]:
    """Domain folder -> domain folder it imports -> the first import that makes that arrow."""
    graph: dict[str, dict[str, Import]] = {}
    for edge in edges:
        source, target = layout.unit_of(edge.source), layout.unit_of(edge.target)
        if source and target and source != target and source.kind == target.kind == "domain":
            graph.setdefault(source.name, {}).setdefault(target.name, edge)
    return graph


def shortest_cycle(graph: dict[str, dict[str, Import]], start: str) -> list[str] | None:
    """The shortest path start -> ... -> start (breadth first), or None when start is on no cycle."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph.get(node, {})):
            if nxt == start:
                return [*path_to(came_from, start, node), start]
            if nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    return None


def path_to(came_from: dict[str, str], start: str, node: str) -> list[str]:
    """The breadth-first path from start to node, read back through came_from."""
    path = [node]
    while path[-1] != start:
        path.append(came_from[path[-1]])
    return path[::-1]


def cycle_violations(layout: Layout, edges: Iterable[Import]) -> Iterator[Violation]:
    """The shortest cycle through each domain folder that is on one, each distinct cycle reported once."""
    graph = domain_graph(layout, edges)
    seen: set[tuple[str, ...]] = set()
    for start in sorted(graph):
        cycle = shortest_cycle(graph, start)
        if cycle is None or canonical(cycle) in seen:
            continue
        seen.add(canonical(cycle))
        hops = tuple(graph[a][b] for a, b in pairwise(cycle))
        yield Violation("domain-cycle", "import cycle between domain folders: " + " -> ".join(cycle), hops)


def canonical(cycle: list[str]) -> tuple[str, ...]:
    """A cycle written from its smallest member, so its rotations compare equal."""
    ring = cycle[:-1]
    first = ring.index(min(ring))
    return tuple(ring[first:] + ring[:first])


def check(root: Path = ROOT, engines: Sequence[str] = ENGINES) -> list[Violation]:
    """Every broken rule in the tree under root: layers first, then domain cycles, then migrations."""
    layout = scan_layout(root, engines)
    edges = [edge for path in python_files(root, ["app", *engines]) for edge in imports_of(layout, path)]
    migrations = [edge for path in python_files(root, ["migrations"]) for edge in imports_of(layout, path)]
    return [*layer_violations(layout, edges), *cycle_violations(layout, edges),
            *migration_violations(layout, migrations)]


def enforced(root: Path) -> bool:
    """Whether pyproject.toml's [tool.import-boundaries] says a violation fails the check (default: yes)."""
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return True
    table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get(CONFIG_TABLE, {})
    return bool(table.get("enforce", True))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this checkout)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--enforce", action="store_true", default=None, help="exit 1 on a violation")
    mode.add_argument("--report-only", dest="enforce", action="store_false", help="print violations, exit 0")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Prints every violation; exits 1 on one when enforced (pyproject.toml's switch, or --enforce)."""
    args = parse_args(argv)
    strict = enforced(args.root) if args.enforce is None else bool(args.enforce)
    violations = check(args.root)
    for violation in violations:
        print(violation)
    if not violations:
        print("import boundaries: OK")
        return 0
    rules = sorted({v.rule for v in violations})
    verdict = "FAILED" if strict else "not enforced yet (report only)"
    print(f"import boundaries: {len(violations)} violation(s) of {', '.join(rules)}: {verdict}")
    return 1 if strict else 0


if __name__ == "__main__":
    sys.exit(main())
