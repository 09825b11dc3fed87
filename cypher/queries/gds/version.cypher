// Whether Neo4j Graph Data Science is installed, and which version (server/neo4j/gds/gds-probe.ts).
// A database without GDS answers with an unknown-function error instead of a row.
// Parameters: none. Returns: version.
RETURN gds.version() AS version
