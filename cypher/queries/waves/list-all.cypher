// Waves in analysis order: by date (the contract), then by position in the bundle when dates are absent. Parameters: none. Returns: id, label, date, description.
MATCH (w:Wave)
RETURN w.id AS id, w.label AS label, toString(w.date) AS date, w.description AS description
ORDER BY w.date, w.position, w.id
