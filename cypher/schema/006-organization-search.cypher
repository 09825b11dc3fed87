// searchName is the Turkish-aware folded name (server/domain/text/fold.ts) used by ?q= search.
CREATE INDEX organization_search IF NOT EXISTS FOR (o:Organization) ON (o.searchName)
