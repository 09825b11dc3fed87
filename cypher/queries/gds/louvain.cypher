// Louvain communities (resolution 1). The partition, not its labels, is what matters:
// gds-wave-measures.ts renumbers it as communities.ts does and takes its modularity from Köprü's own
// formula, so both engines' modularities are computed the same way.
// Parameters: $graph, $concurrency. Returns: id, value (GDS's community id).
CALL gds.louvain.stream($graph, {concurrency: $concurrency}) YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId AS value
