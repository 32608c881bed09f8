"""A PostgreSQL server of its own for a test that must stop and start the database.

Made as scripts/with-postgres makes one: a temporary data folder, trust
authentication on 127.0.0.1, run as the postgres user when the tests run as root.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile

import psycopg


def free_port(first=15600, last=15699):
    """The first free port in a range below the ephemeral ports, clear of the suite's own servers."""
    for port in range(first, last + 1):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {first}-{last} for a throwaway PostgreSQL")


class ThrowawayPostgres:
    def __init__(self):
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        assert binaries, "PostgreSQL server binaries are missing: install the postgresql package"
        self.bin = binaries[-1]
        self.data = tempfile.mkdtemp(prefix="menaka-pg-")
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres")
        os.chmod(self.data, 0o700)
        self._run(f"{self.bin}/initdb -D {self.data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off"
        self._run(f"{self.bin}/pg_ctl -D {self.data} -l {self.data}/log -w -o '{options}' start")

    def stop(self):
        self._run(f"{self.bin}/pg_ctl -D {self.data} -m fast -w stop")

    def create_database(self, name):
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')

    def remove(self):
        subprocess.run(f"{self.bin}/pg_ctl -D {self.data} -m immediate -w stop", shell=True, capture_output=True,
                       **self._as_postgres())
        shutil.rmtree(self.data, ignore_errors=True)

    def _run(self, command):
        subprocess.run(command, shell=True, check=True, capture_output=True, **self._as_postgres())

    @staticmethod
    def _as_postgres():
        return {"user": "postgres"} if os.geteuid() == 0 else {}
