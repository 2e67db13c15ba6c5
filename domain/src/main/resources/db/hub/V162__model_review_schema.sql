-- The scenario engine's scratch schema (docs/models.md, "How a scenario runs"): a Camunda engine of its own runs an
-- analyst's candidate model here before the hub deploys it. Made here, by the login that migrates, so the hub at run
-- time needs no CREATE on the database: only USAGE and CREATE on this one schema, where the scratch engine makes and
-- updates its own act_* tables. The migrating login owns the schema (so has both) and nobody else has any right on
-- it; a hub running as a login of its own gets exactly those two grants (docs/security.md, "Database rights").
create schema if not exists model_review;
revoke all on schema model_review from public;
