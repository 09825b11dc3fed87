// Organizations filtered by kind, city and folded-name substring; null parameters match all.
// Parameters: $kind, $city and $q (both already folded with foldForSearch), $limit. Returns: id, name, kind, type, city, district, focus.
MATCH (o:Organization)
WHERE ($kind IS NULL OR o.kind = $kind)
  AND ($city IS NULL OR o.searchCity = $city)
  AND ($q IS NULL OR o.searchName CONTAINS $q)
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.type AS type, o.city AS city,
       o.district AS district, o.focus AS focus
ORDER BY o.name, o.id
LIMIT $limit
