-- Operators of Lectern itself (admin, operator, ...). Roster users are data in other tables
-- and never log in.
CREATE TABLE platform_account (
    id            uuid PRIMARY KEY,
    username      varchar(64)  NOT NULL,
    email         varchar(254),
    password_hash varchar(256) NOT NULL,
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

-- Usernames and emails are unique whatever their case: "Admin" must not shadow "admin".
CREATE UNIQUE INDEX platform_account_username_key ON platform_account (lower(username));
CREATE UNIQUE INDEX platform_account_email_key ON platform_account (lower(email))
    WHERE email IS NOT NULL;

CREATE TABLE platform_account_role (
    account_id uuid        NOT NULL REFERENCES platform_account (id) ON DELETE CASCADE,
    role       varchar(16) NOT NULL CHECK (role IN ('admin', 'operator', 'teacher', 'student')),
    PRIMARY KEY (account_id, role)
);
