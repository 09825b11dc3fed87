// Sessions are looked up by the hash of their id, which is unique.
CREATE CONSTRAINT session_id_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.idHash IS UNIQUE
