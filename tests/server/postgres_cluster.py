"""A throwaway PostgreSQL cluster for the tests (CI runs none): Debian's initdb and pg_ctl in a
temporary folder, on a free port, listening on 127.0.0.1 only, removed when stopped.
PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` user.

    python3 tests/server/postgres_cluster.py     starts one, prints its URL, stops on Ctrl+C
"""
import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path


PASSWORD_USER = "with_password"


def bin_dir():
    """Debian's newest server binaries (the postgresql package), or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    def __init__(self, durable=False):
        self.durable = durable
        self.bin = bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL's server is not installed (apt-get install postgresql)")
        self.folder = Path(tempfile.mkdtemp(prefix="partner-api-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self.process_user = "postgres" if os.geteuid() == 0 else None
        self.url = f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"
        self.running = False

    def _run(self, *cmd, check=True):
        if self.process_user:
            cmd = ("runuser", "-u", self.process_user, "--") + cmd
        return subprocess.run(cmd, check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def start(self):
        if self.process_user:
            shutil.chown(self.folder, self.process_user)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", self.user,
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        # Everyone is trusted but PASSWORD_USER, who must give a password (the start-up error test).
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        self.launch()
        atexit.register(self.stop)
        return self

    def launch(self):
        """Starts the server (again, after stop_server: the data stays)."""
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
        if not self.durable:
            # A test cluster need not survive a power cut, and the shared disk is slow; the
            # benchmark's cluster is durable (fsync on), as SQLite's FULL sync is there.
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "-t", "60", "start")
        self.running = True

    def stop_server(self, mode="fast"):
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)
        self.running = False

    def stop(self):
        if self.running:
            self.stop_server("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    def admin(self):
        import sys
        sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
        from partner_api.storage.postgres import load_psycopg
        psycopg, _ = load_psycopg()
        return psycopg.connect(self.url, autocommit=True)

    def new_database(self, prefix="t"):
        """A new empty database's URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url.rsplit("/", 1)[0] + "/" + name

    def drop_database(self, url):
        name = url.rsplit("/", 1)[1]
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_shared = None


def shared():
    """One cluster for the whole test process, started on first use."""
    global _shared
    if _shared is None:
        _shared = Cluster().start()
    return _shared


if __name__ == "__main__":
    cluster = Cluster().start()
    print(cluster.url, flush=True)
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
