// Ties are read wave by wave.
CREATE INDEX cooperates_with_wave IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.wave)
