// Waves in analysis order. Parameters: none. Returns: id, label, date, description.
MATCH (w:Wave)
RETURN w.id AS id, w.label AS label, toString(w.date) AS date, w.description AS description
ORDER BY w.position, w.date, w.id
