// The live dataset's version and the fingerprint of the import that produced it (null when that
// import was not streamed), to tell whether a streamed import would change anything.
// Parameters: none. Returns: version, fingerprint, organizations.
OPTIONAL MATCH (d:Dataset {id: 'current'})
OPTIONAL MATCH (i:Import {datasetVersion: d.version})
RETURN d.version AS version, i.fingerprint AS fingerprint, COUNT { (:Organization) } AS organizations
