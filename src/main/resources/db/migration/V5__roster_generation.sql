-- A counter bumped after every roster write. Cached roster reads are keyed by it, so a write
-- makes every older entry unreachable on every replica at once, whether Redis is up or not.
CREATE TABLE roster_generation (
    id    smallint PRIMARY KEY CHECK (id = 1),
    value bigint   NOT NULL
);
INSERT INTO roster_generation (id, value) VALUES (1, 0);
