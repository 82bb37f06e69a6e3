"""The servers `bench/load.py setups` loads: each built fresh, served on a free port in 8600-8699 and stopped after.

embedded: SQLite and the embedded search engine in a temporary folder, one `tradeleads serve` process.
production: PostgreSQL (database tl_bench, dropped and created anew) and OpenSearch (indexes prefixed tlbench-),
two uvicorn workers and one `tradeleads worker`. OpenSearch is stopped after only if this started it.

Both lift the anti-spam and plan caps on RFQs, quotes and inquiries in their own database (and by setting), so the
writes of the mix keep writing instead of being refused after the first few.
"""

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PORTS = range(8600, 8700)
PG_DATABASE = "tl_bench"
INDEX_PREFIX = "tlbench-"
READY_SECONDS = 60.0
STOP_SECONDS = 20.0
SETUPS = {
    "embedded": "SQLite + embedded search, one `tradeleads serve` process",
    "production": "PostgreSQL + OpenSearch, 2 uvicorn workers + 1 `tradeleads worker`",
}
LIFT_CAPS = (
    "UPDATE tiers SET quotes_per_month = NULL, rfqs_per_month = NULL",
    "UPDATE rfq_limits SET rfqs_per_day = 1000000, open_rfqs = 1000000",
)


def free_port() -> int:
    wanted = os.environ.get("BENCH_PORT")
    for port in [int(wanted)] if wanted else PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit("no free port in 8600-8699")


def _env(var_dir: Path, database_url: str, **more: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("TRADELEADS_")}
    env.update(TRADELEADS_VAR_DIR=str(var_dir), TRADELEADS_DATABASE_URL=database_url,
               TRADELEADS_INQUIRIES_PER_HOUR="1000000", **more)
    return env


def _tradeleads(env: dict[str, str], log: Path, *args: str) -> None:
    print(f"  tradeleads {' '.join(args)}", flush=True)
    with log.open("a") as out:
        done = subprocess.run([str(BIN / "tradeleads"), *args], env=env, cwd=PROJECT, stdout=out, stderr=out,
                              check=False)
    if done.returncode != 0:
        raise SystemExit(f"tradeleads {' '.join(args)} failed ({done.returncode}); see {log}")


def _lift_caps(database_url: str) -> None:
    async def run() -> None:
        engine = create_async_engine(database_url)
        try:
            async with engine.begin() as connection:
                for statement in LIFT_CAPS:
                    await connection.execute(text(statement))
        finally:
            await engine.dispose()

    asyncio.run(run())


def _prepare(env: dict[str, str], log: Path, reindex: bool) -> None:
    _tradeleads(env, log, "migrate")
    _tradeleads(env, log, "seed", "--demo")
    _lift_caps(env["TRADELEADS_DATABASE_URL"])
    if reindex:
        _tradeleads(env, log, "reindex", "all")


@contextmanager
def _process(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A background process in its own process group (uvicorn's workers are stopped with their parent)."""
    with log.open("ab") as out:
        process = subprocess.Popen(args, env=env, cwd=PROJECT, stdout=out, stderr=out, start_new_session=True)
    try:
        yield process
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _wait_ready(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited ({process.returncode}); see {log}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the server did not answer /healthz within {READY_SECONDS:g} s; see {log}")


@contextmanager
def _scratch() -> Iterator[Path]:
    """A temporary folder for the database, index and logs; kept when the setup failed, or BENCH_KEEP is set."""
    folder = Path(tempfile.mkdtemp(prefix="tl-bench-load-"))
    try:
        yield folder
    except BaseException:
        print(f"  logs kept in {folder}", file=sys.stderr)
        raise
    if os.environ.get("BENCH_KEEP"):
        print(f"  logs kept in {folder} (BENCH_KEEP)", file=sys.stderr)
    else:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def embedded(var_dir: Path) -> Iterator[str]:
    env = _env(var_dir, f"sqlite+aiosqlite:///{var_dir / 'tradeleads.db'}")
    log, port = var_dir / "bench.log", free_port()
    _prepare(env, log, reindex=False)
    base_url = f"http://127.0.0.1:{port}"
    serve = [str(BIN / "tradeleads"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with _process(serve, env, var_dir / "serve.log") as server:
        _wait_ready(base_url, server, var_dir / "serve.log")
        yield base_url


def _last_line(args: list[str], env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=PROJECT, env=env, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return lines[-1].strip()


def _fresh_postgres() -> str:
    """The URL scripts/postgres.sh prints, its database dropped and created again (empty)."""
    url = _last_line(["bash", "scripts/postgres.sh"], {**os.environ, "PG_DATABASE": PG_DATABASE})
    admin = make_url(url).set(database="postgres")

    async def recreate() -> None:
        engine = create_async_engine(admin, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as connection:
                await connection.execute(text(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)"))
                await connection.execute(text(f"CREATE DATABASE {PG_DATABASE}"))
        finally:
            await engine.dispose()

    asyncio.run(recreate())
    return url


@contextmanager
def _opensearch() -> Iterator[str]:
    was_running = subprocess.run(["bash", "scripts/opensearch.sh", "status"], cwd=PROJECT, capture_output=True,
                                 check=False).returncode == 0
    url = _last_line(["make", "-s", "opensearch"])
    try:
        yield url
    finally:
        if not was_running:
            subprocess.run(["bash", "scripts/opensearch.sh", "stop"], cwd=PROJECT, capture_output=True, check=False)


@contextmanager
def production(var_dir: Path) -> Iterator[str]:
    with _opensearch() as opensearch_url:
        env = _env(var_dir, _fresh_postgres(), TRADELEADS_OPENSEARCH_URL=opensearch_url,
                   TRADELEADS_SEARCH_INDEX_PREFIX=INDEX_PREFIX, TRADELEADS_BACKGROUND_IN_PROCESS="false")
        log, port = var_dir / "bench.log", free_port()
        _prepare(env, log, reindex=True)
        base_url = f"http://127.0.0.1:{port}"
        serve = [str(BIN / "tradeleads"), "serve", "--workers", "2", "--host", "127.0.0.1", "--port", str(port)]
        with ExitStack() as stack:
            stack.enter_context(_process([str(BIN / "tradeleads"), "worker"], env, var_dir / "worker.log"))
            server = stack.enter_context(_process(serve, env, var_dir / "serve.log"))
            _wait_ready(base_url, server, var_dir / "serve.log")
            yield base_url


@contextmanager
def serve_setup(name: str) -> Iterator[str]:
    """Builds the named setup, yields its base URL, and stops everything it started."""
    print(f"\n{name}: {SETUPS[name]}", flush=True)
    with _scratch() as var_dir, (embedded if name == "embedded" else production)(var_dir) as base_url:
        yield base_url
