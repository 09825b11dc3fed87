CREATE INDEX organization_kind_city IF NOT EXISTS FOR (o:Organization) ON (o.kind, o.city)
