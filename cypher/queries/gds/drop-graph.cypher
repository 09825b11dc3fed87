// Drops an in-memory graph made by gds/project-wave; no error when it is already gone.
// Parameters: $graph. Returns: graphName (no row when there was nothing to drop).
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
