// Every organization, for loading the dataset into the analysis core.
// Parameters: none. Returns: id, name, kind, type, city, district, focus, refugeeLed, founded, extra.
MATCH (o:Organization)
RETURN o.id AS id, o.name AS name, o.kind AS kind, o.type AS type, o.city AS city,
       o.district AS district, o.focus AS focus, o.refugeeLed AS refugeeLed,
       o.founded AS founded, o.extra AS extra
ORDER BY o.id
