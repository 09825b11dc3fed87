// Exact (Brandes) betweenness of every node of an undirected projection, unnormalized: GDS counts
// each unordered pair of endpoints once, as NetworkX does for undirected graphs before normalizing.
// Parameters: $graph, $concurrency. Returns: id, value.
CALL gds.betweenness.stream($graph, {concurrency: $concurrency}) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score AS value
