// Every reported tie. Parameters: none. Returns: source, target, wave, level, extra.
MATCH (a:Organization)-[r:COOPERATES_WITH]->(b:Organization)
RETURN a.id AS source, b.id AS target, r.wave AS wave, r.level AS level, r.extra AS extra
ORDER BY r.wave, a.id, b.id
