-- Networks refused on every path Lectern's server answers (Lectern's API and Liberty's own
-- endpoints), before any handler runs. Changes are in setting_history (kind access-rule).
CREATE TABLE access_rule (
    id         bigserial    PRIMARY KEY,
    cidr       varchar(64)  NOT NULL UNIQUE,
    reason     text,
    created_at timestamptz  NOT NULL DEFAULT now(),
    created_by text         NOT NULL
);

INSERT INTO change_feed (topic, version) VALUES ('access-rules', 1);
