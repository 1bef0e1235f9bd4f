-- The time of the last incident lockdown: access tokens of platform accounts issued before it are
-- refused by every replica, so everyone signs in again with a password.
CREATE TABLE auth_lockdown (
    id        smallint    PRIMARY KEY CHECK (id = 1),
    locked_at timestamptz
);
INSERT INTO auth_lockdown (id, locked_at) VALUES (1, NULL);
