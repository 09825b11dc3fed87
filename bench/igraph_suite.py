#!/usr/bin/python3
"""The measures of `kopru metrics` computed with python-igraph (C), for `npm run bench` (bench/scale.ts).

    /usr/bin/python3 bench/igraph_suite.py FOLDER [--wave 1]

FOLDER holds the edges.csv the bench writes (source,target,wave; node ids 0..n-1 in nodes.csv).
Prints one JSON object: the time in ms of each group of measures, as Köprü groups them, and "total",
the whole process's work after reading the file. Debian: apt-get install python3-igraph.
"""

import json
import sys
import time

import igraph as ig


def main():
    folder = sys.argv[1]
    wave = sys.argv[sys.argv.index("--wave") + 1] if "--wave" in sys.argv else "1"
    with open(f"{folder}/nodes.csv") as f:
        n = sum(1 for _ in f) - 1
    edges = []
    with open(f"{folder}/edges.csv") as f:
        next(f)
        for line in f:
            s, t, w = line.rstrip("\n").split(",")
            if w == wave:
                edges.append((int(s), int(t)))
    start = time.perf_counter()
    g = ig.Graph(n=n, edges=edges)
    times = {}

    def timed(name, fn):
        t = time.perf_counter()
        fn()
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


if __name__ == "__main__":
    main()
