-- RS256 keys that sign access tokens. The private part is encrypted with LECTERN_MASTER_KEY,
-- so a database dump alone cannot mint tokens. States follow a rotation: next (published,
-- not yet signing), active (signing), retiring (published until its tokens expire), retired.
CREATE TABLE signing_key (
    kid             varchar(64) PRIMARY KEY,
    algorithm       varchar(16) NOT NULL DEFAULT 'RS256',
    public_jwk      text        NOT NULL,
    private_key_enc bytea       NOT NULL,
    state           varchar(16) NOT NULL CHECK (state IN ('next', 'active', 'retiring', 'retired')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    activated_at    timestamptz,
    retired_at      timestamptz
);

-- Exactly one key signs at a time, on every replica.
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (state) WHERE state = 'active';
