"""Run zhibiao under a local Spark (local[2]) with rdd.pipe and compare with a direct run.

Usage: python spark_pipe.py BIN CORPUS_DIR   (scripts/spark_local.sh sets up pyspark and calls this)
Prints OK when Spark's rows are the same multiset as a direct run's, DIFF otherwise (exit 1).
"""
import collections
import json
import os
import subprocess
import sys

from pyspark import SparkConf, SparkContext


def main():
    binary, corpus = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    files = sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(corpus)
        for f in fs
        if not f.startswith(".") and not any(p.startswith(".") for p in os.path.relpath(d, corpus).split(os.sep) if p != ".")
    )
    # The direct run: the same list, one process.
    direct = subprocess.run(
        [binary, "extract", "--format", "jsonl", "--files-from", "-"],
        input="\n".join(files).encode(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False,
    ).stdout.decode().splitlines()

    sc = SparkContext(conf=SparkConf().setMaster("local[2]").setAppName("zhibiao"))
    sc.setLogLevel("ERROR")
    parts = 8
    # 1. The file list piped through `extract --files-from -`, one process per partition.
    by_list = sc.parallelize(files, parts).pipe(f"{binary} extract --format jsonl --files-from -").collect()
    # 2. Documents as JSON Lines through `extract --stdin-jsonl`.
    docs = [json.dumps({"doc": f, "path": f}, ensure_ascii=False) for f in files]
    by_jsonl = sc.parallelize(docs, parts).pipe(f"{binary} extract --stdin-jsonl").collect()
    sc.stop()

    want = collections.Counter(direct)
    ok = True
    for name, rows in [("files-from", by_list), ("stdin-jsonl", by_jsonl)]:
        got = collections.Counter(rows)
        same = got == want
        ok &= same
        print(f"{name}: {len(files)} files, {sum(got.values())} rows from Spark, {len(direct)} direct: "
              f"{'same' if same else 'DIFFERENT'}")
        if not same:
            for row, n in list((got - want).items())[:3]:
                print("  only in Spark:", n, row[:200])
            for row, n in list((want - got).items())[:3]:
                print("  only direct:", n, row[:200])
    print("OK" if ok else "DIFF")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
