"""Where Splink runs: DuckDB in-process by default, Spark for work beyond one machine.

Spark is an optional dependency, imported only when asked for, with a one-line error that
says what to install.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa

from vigil.errors import VigilError

ENGINES = ("duckdb", "spark")


def make_api(engine: str = "duckdb", spark_master: str | None = None) -> Any:
    if engine == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        con = duckdb.connect()
        # Spill to the system's temporary folder, not the working directory.
        spill = Path(tempfile.gettempdir()) / "vigil-duckdb"
        con.execute(f"SET temp_directory = '{spill}'").fetchall()
        con.execute("SET preserve_insertion_order = false").fetchall()
        # Leave room for the pairs and clusters in Python; DuckDB spills beyond this.
        limit = os.environ.get("VIGIL_DUCKDB_MEMORY", "3GB")
        con.execute(f"SET memory_limit = '{limit}'").fetchall()
        return DuckDBAPI(connection=con)
    if engine == "spark":
        return _spark_api(spark_master or "local[*]")
    raise VigilError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


def _spark_api(master: str) -> Any:
    try:
        from pyspark.sql import SparkSession
        from splink import SparkAPI
        from splink.internals.spark.jar_location import similarity_jar_location
    except ImportError as exc:
        raise VigilError(
            "the Spark engine needs pyspark and Java: pip install 'vigil[spark]' "
            "and a Java runtime (Debian: default-jre-headless)"
        ) from exc
    os.environ.setdefault("PYSPARK_PYTHON", os.environ.get("PYTHON", "python3"))
    # Spark's checkpoints and warehouse go to a temporary folder, never the working directory.
    scratch = Path(tempfile.mkdtemp(prefix="vigil-spark-"))
    spark = (
        SparkSession.builder.master(master)
        .appName("vigil-link")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.default.parallelism", "8")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", os.environ.get("VIGIL_SPARK_MEMORY", "4g"))
        .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.setCheckpointDir(str(scratch / "checkpoints"))
    return SparkAPI(spark_session=spark)


def register(api: Any, table: pa.Table, name: str) -> Any:
    """An Arrow table as a Splink input on whichever engine `api` is."""
    if type(api).__name__ == "SparkAPI":
        # Arrow straight in (PySpark 4): nullable integers stay integers.
        return api.register(api.spark.createDataFrame(table), table_name=name)
    return api.register(table, table_name=name)
