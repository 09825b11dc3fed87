// The current dataset's description and version (absent when nothing was imported).
// Parameters: none. Returns: name, synthetic, description, version, updatedAt.
MATCH (d:Dataset {id: 'current'})
RETURN d.name AS name, d.synthetic AS synthetic, d.description AS description,
       d.version AS version, toString(d.updatedAt) AS updatedAt
