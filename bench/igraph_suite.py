#!/usr/bin/python3
"""The measures of `kopru metrics` computed with python-igraph (C), for `npm run bench` (bench/scale.ts).

    /usr/bin/python3 bench/igraph_suite.py FOLDER [--wave 1] [--values OUT.json]

FOLDER holds the edges.csv the bench writes (source,target,wave; node ids 0..n-1 in nodes.csv).
Prints one JSON object: the time in ms of each group of measures, as Köprü groups them, and "total",
the whole process's work after reading the file. Debian: apt-get install python3-igraph.

--values OUT.json also writes igraph's values (node i at index i) for the parity check of
bench/parity.ts. They are the results the timed calls already returned, plus a few cheap extras
(largest component's path lengths, Louvain membership) computed after the clock stopped, so the timings
are the same with or without it. igraph's own conventions are kept (raw betweenness, closeness over
reachable nodes, eigenvector scaled to max 1): bench/parity.ts converts them, explaining each.
"""

import json
import random
import sys
import time

import igraph as ig


def main():
    folder = sys.argv[1]
    wave = sys.argv[sys.argv.index("--wave") + 1] if "--wave" in sys.argv else "1"
    values_path = sys.argv[sys.argv.index("--values") + 1] if "--values" in sys.argv else None
    with open(f"{folder}/nodes.csv") as f:
        n = sum(1 for _ in f) - 1
    edges = []
    with open(f"{folder}/edges.csv") as f:
        next(f)
        for line in f:
            s, t, w = line.rstrip("\n").split(",")
            if w == wave:
                edges.append((int(s), int(t)))
    # Louvain visits nodes in random order drawn from Python's `random`: seeded so --values repeats.
    random.seed(42)
    start = time.perf_counter()
    g = ig.Graph(n=n, edges=edges)
    times = {}
    out = {}

    def timed(name, fn):
        t = time.perf_counter()
        out[name] = fn()
        times[name] = times.get(name, 0) + (time.perf_counter() - t) * 1000

    timed("degree, density", lambda: (g.degree(), g.density()))
    timed("components", lambda: g.connected_components())
    timed("shortest paths", lambda: (
        g.betweenness(directed=False),
        g.closeness(),
        g.harmonic_centrality(),
        g.diameter(directed=False),
        g.average_path_length(directed=False),
    ))
    timed("eigenvector", lambda: g.eigenvector_centrality())
    timed("pagerank", lambda: g.pagerank())
    timed("clustering, transitivity", lambda: (
        g.transitivity_local_undirected(mode="zero"),
        g.transitivity_undirected(),
        g.transitivity_avglocal_undirected(mode="zero"),
    ))
    timed("k-core", lambda: g.coreness())
    timed("communities (Louvain)", lambda: g.community_multilevel())
    times["total"] = (time.perf_counter() - start) * 1000
    print(json.dumps(times))
    if values_path:
        write_values(g, out, values_path)


def finite(x):
    """NaN (igraph's closeness of an isolate) as JSON null."""
    return None if x != x else x


def write_values(g, out, path):
    degree, density = out["degree, density"]
    components = out["components"]
    betweenness, closeness, harmonic, _diameter, _apl = out["shortest paths"]
    local, transitivity, average_clustering = out["clustering, transitivity"]
    louvain = out["communities (Louvain)"]
    # Köprü's diameter and average path length are those of the largest component (path-length.ts);
    # igraph's unconn=True ones range over every component. Like with like: igraph on the giant.
    # (Were two components equally largest, the two could pick different ones; the bench's graphs
    # and the test fixture have a single largest component.)
    giant = components.giant()
    values = {
        "n": g.vcount(),
        "m": g.ecount(),
        "igraph": ig.__version__,
        "degree": degree,
        "density": density,
        "components": len(components),
        "componentMembership": components.membership,
        "largestComponent": giant.vcount(),
        "betweenness": betweenness,
        "closeness": [finite(x) for x in closeness],
        "harmonic": harmonic,
        "diameter": giant.diameter(directed=False),
        "averagePathLength": giant.average_path_length(directed=False),
        "eigenvector": out["eigenvector"],
        "pagerank": out["pagerank"],
        "clustering": local,
        "transitivity": transitivity,
        "averageClustering": average_clustering,
        "coreness": out["k-core"],
        "louvainMembership": louvain.membership,
        "louvainModularity": louvain.modularity,
    }
    with open(path, "w") as f:
        json.dump(values, f)


if __name__ == "__main__":
    main()
