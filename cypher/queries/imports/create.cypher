// The record of one import, written in the same transaction as the data it describes.
// Parameters: $id, $at (ISO datetime), $source, $counts (JSON string), $replace, $datasetVersion,
// $fingerprint (SHA-256 of a streamed bundle's files; null for an import read in memory). Returns: id.
CREATE (i:Import {id: $id, at: datetime($at), source: $source, counts: $counts, replace: $replace,
                  datasetVersion: $datasetVersion, fingerprint: $fingerprint})
RETURN i.id AS id
