// The 15 organizations that bridge the most in wave `post`, with their change since `pre`, and the
// ties they hold in `post`. In Neo4j Browser: paste, run, and switch to the graph view; style
// :Organization nodes by the `betweenness_post` property.
MATCH (o:Organization)
WHERE o.betweenness_post IS NOT NULL
WITH o ORDER BY o.betweenness_post DESC LIMIT 15
OPTIONAL MATCH (o)-[r:COOPERATES_WITH {wave: 'post'}]-(partner:Organization)
RETURN o.name AS organization, o.kind AS kind, o.city AS city,
       round(o.betweenness_pre, 4) AS betweennessPre, round(o.betweenness_post, 4) AS betweennessPost,
       o.brokerageRole_post AS role, count(DISTINCT partner) AS partnersPost
ORDER BY betweennessPost DESC
