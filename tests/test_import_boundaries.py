"""The import-boundary check (scripts/check_imports.py): it runs clean on the real tree once enforced, and it fails,
naming the rule and the import, on one deliberate bad import per rule in a tiny synthetic tree."""

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "check_imports.py"


def load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_imports", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


checker = load_checker()

# A tree in the target shape: every arrow allowed, one of each kind of layer.
GOOD_TREE = {
    "app/__init__.py": "",
    "app/core/__init__.py": "",
    "app/core/config.py": "import os\n",
    "app/models/__init__.py": "from app.core.config import os\n",
    "membership/__init__.py": "from app.models import os\n",
    "search/__init__.py": "import membership\n",
    "matching/engine.py": "from search import os\nfrom membership import os as _os\nfrom app.core import config\n",
    "app/auth/viewer.py": "from app.models import os\n",
    "app/http/deps.py": "from app.auth.viewer import os\nimport matching.engine\n",
    "app/background/outbox.py": "from app.http import deps\n",
    "app/rfqs/__init__.py": "",
    "app/rfqs/service.py": "from app.http.deps import os\nfrom . import repository\n",
    "app/rfqs/repository.py": "from app.models import os\n",
    "app/quotes/service.py": "from app.rfqs import service\nfrom ..rfqs.repository import os\n",
    "app/cli/__init__.py": "from app.quotes import service\nfrom app.main import os\n",
    "app/main.py": "from app.quotes.service import os\nfrom app.background import outbox\n",
    "migrations/env.py": "from app.core.config import os\nfrom app.models import os as _os\n",
    "migrations/versions/0001_initial.py": "import sqlalchemy as sa\nfrom alembic import op\n",
}

# One bad import per rule: (file, line added to it, rule, what the report must say).
BAD_IMPORTS = {
    "core importing models": ("app/core/config.py", "from app.models import os", "core",
                              "app/core/config.py:2: [core] app.core.config imports app.models"),
    "models importing a domain": ("app/models/__init__.py", "from app.rfqs import service", "layers",
                                  "[layers] app.models imports app.rfqs.service: app.models is below domain app.rfqs"),
    "engine importing a domain": ("matching/engine.py", "from app.quotes.service import os", "engines",
                                  "[engines] matching.engine imports app.quotes.service"),
    "engine importing http": ("search/__init__.py", "from app.http.deps import os", "engines",
                              "[engines] search imports app.http.deps"),
    "engine importing a later engine": ("membership/__init__.py", "import search", "engine-order",
                                        "[engine-order] membership imports search"),
    "auth importing http": ("app/auth/viewer.py", "from app.http import deps", "auth",
                            "[auth] app.auth.viewer imports app.http.deps: app.auth imports only"),
    "auth importing an engine": ("app/auth/viewer.py", "from membership import os", "auth",
                                 "[auth] app.auth.viewer imports membership"),
    "http importing a domain": ("app/http/deps.py", "from app.rfqs.service import os", "http-background",
                                "app/http/deps.py:3: [http-background] app.http.deps imports app.rfqs.service"),
    "http importing a domain, relatively": ("app/http/deps.py", "from ..quotes import service", "http-background",
                                            "[http-background] app.http.deps imports app.quotes.service"),
    "background importing a domain": ("app/background/outbox.py", "import app.quotes.service", "http-background",
                                      "[http-background] app.background.outbox imports app.quotes.service"),
    "domain importing the composition root": ("app/rfqs/service.py", "from app.main import os", "layers",
                                              "[layers] app.rfqs.service imports app.main"),
    "two-domain cycle": ("app/rfqs/repository.py", "from app.quotes import service", "domain-cycle",
                         "import cycle between domain folders: app.quotes -> app.rfqs -> app.quotes"),
    "migration importing a domain": ("migrations/versions/0001_initial.py", "from app.rfqs.service import os",
                                     "migrations", "migrations/versions/0001_initial.py:3: [migrations] "
                                     "migrations.versions.0001_initial imports app.rfqs.service"),
    "migration importing http": ("migrations/env.py", "from app.http import deps", "migrations",
                                 "[migrations] migrations.env imports app.http.deps"),
    "import inside a function": ("app/core/config.py", "def late():\n    from app.rfqs import service", "core",
                                 "app/core/config.py:3: [core] app.core.config imports app.rfqs.service"),
    "import under TYPE_CHECKING": ("app/http/deps.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                   "    from app.quotes.service import os", "http-background",
                                   "app/http/deps.py:5: [http-background] app.http.deps imports app.quotes.service"),
}


def build_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_the_real_tree_keeps_the_boundaries() -> None:
    violations = checker.check(REPO)
    if not checker.enforced(REPO):
        pytest.skip(f"[tool.import-boundaries] enforce = false; {len(violations)} violation(s) today")
    assert [str(v) for v in violations] == []


def test_a_tree_in_the_target_shape_passes(tmp_path: Path) -> None:
    assert checker.check(build_tree(tmp_path, GOOD_TREE)) == []


@pytest.mark.parametrize("case", BAD_IMPORTS, ids=list(BAD_IMPORTS))
def test_each_rule_fails_on_a_bad_import(tmp_path: Path, case: str) -> None:
    file, line, rule, report = BAD_IMPORTS[case]
    build_tree(tmp_path, {**GOOD_TREE, file: GOOD_TREE[file] + line + "\n"})

    violations = checker.check(tmp_path)

    assert [v.rule for v in violations] == [rule]
    assert report in str(violations[0])


def test_a_cycle_report_names_each_hop(tmp_path: Path) -> None:
    build_tree(tmp_path, {**GOOD_TREE, "app/rfqs/repository.py": "from app.quotes import service\n"})

    [violation] = checker.check(tmp_path)

    assert str(violation).splitlines()[1:] == [
        "    app/quotes/service.py:1: app.quotes.service imports app.rfqs.service",
        "    app/rfqs/repository.py:1: app.rfqs.repository imports app.quotes.service",
    ]


def test_adding_an_engine_is_one_name(tmp_path: Path) -> None:
    build_tree(tmp_path, {**GOOD_TREE, "credit/__init__.py": "from app.rfqs import service\n"})

    assert checker.check(tmp_path) == []
    [violation] = checker.check(tmp_path, (*checker.ENGINES, "credit"))
    assert violation.rule == "engines"


def test_the_command_prints_the_rule_and_import_and_fails_when_enforced(tmp_path: Path) -> None:
    bad = {**GOOD_TREE, "app/http/deps.py": "from app.rfqs import service\n"}
    build_tree(tmp_path, {**bad, "pyproject.toml": "[tool.import-boundaries]\nenforce = true\n"})

    result = run_cli("--root", str(tmp_path))

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "app/http/deps.py:1: [http-background] app.http.deps imports app.rfqs.service: "
        "app.http and app.background import no domain",
        "import boundaries: 1 violation(s) of http-background: FAILED",
    ]


def test_the_command_only_reports_until_enforced(tmp_path: Path) -> None:
    bad = {**GOOD_TREE, "app/http/deps.py": "from app.rfqs import service\n"}
    build_tree(tmp_path, {**bad, "pyproject.toml": "[tool.import-boundaries]\nenforce = false\n"})

    assert run_cli("--root", str(tmp_path)).returncode == 0
    assert run_cli("--root", str(tmp_path), "--enforce").returncode == 1
    build_tree(tmp_path, GOOD_TREE)
    assert run_cli("--root", str(tmp_path), "--enforce").stdout == "import boundaries: OK\n"
