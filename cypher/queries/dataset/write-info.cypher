// Creates or updates the dataset singleton and bumps its version, so caches keyed by version expire.
// Parameters: $name, $synthetic, $description, $at (ISO datetime). Returns: version.
MERGE (d:Dataset {id: 'current'})
SET d.name = $name, d.synthetic = $synthetic, d.description = $description,
    d.version = coalesce(d.version, 0) + 1, d.updatedAt = datetime($at)
RETURN d.version AS version
