-- The OneRoster 1.2 rostering model. Every table carries sourced_id, status,
-- date_last_modified (UTC, millisecond precision, stamped when a change is applied) and
-- metadata. Multi-valued attributes that are always read with their row (grades, subjects,
-- a user's roles and ids) are arrays or JSONB on the row, so a page is one index scan with no
-- joins; each has a GIN index where filters or access boundaries look inside it.
-- References are not foreign keys: a roster arrives in pieces (delta imports, admin
-- corrections), and the import validates references before it applies anything.

CREATE TABLE roster_org (
    sourced_id         varchar(255) PRIMARY KEY,
    status             varchar(16)  NOT NULL CHECK (status IN ('active', 'tobedeleted')),
    date_last_modified timestamp(3) with time zone NOT NULL,
    metadata           jsonb,
    name               text         NOT NULL,
    type               varchar(16)  NOT NULL
        CHECK (type IN ('department', 'district', 'local', 'national', 'school', 'state')),
    identifier         text,
    parent_sourced_id  varchar(255)
);
CREATE INDEX roster_org_modified ON roster_org (date_last_modified, sourced_id);
CREATE INDEX roster_org_parent ON roster_org (parent_sourced_id);
CREATE INDEX roster_org_type ON roster_org (type, sourced_id);

CREATE TABLE roster_academic_session (
    sourced_id         varchar(255) PRIMARY KEY,
    status             varchar(16)  NOT NULL CHECK (status IN ('active', 'tobedeleted')),
    date_last_modified timestamp(3) with time zone NOT NULL,
    metadata           jsonb,
    title              text         NOT NULL,
    type               varchar(16)  NOT NULL
        CHECK (type IN ('gradingPeriod', 'semester', 'schoolYear', 'term')),
    start_date         date         NOT NULL,
    end_date           date         NOT NULL,
    parent_sourced_id  varchar(255),
    school_year        varchar(4)   NOT NULL,
    org_sourced_id     varchar(255)
);
CREATE INDEX roster_academic_session_modified ON roster_academic_session (date_last_modified, sourced_id);
CREATE INDEX roster_academic_session_type ON roster_academic_session (type, sourced_id);
CREATE INDEX roster_academic_session_parent ON roster_academic_session (parent_sourced_id);
CREATE INDEX roster_academic_session_org ON roster_academic_session (org_sourced_id);

CREATE TABLE roster_course (
    sourced_id             varchar(255) PRIMARY KEY,
    status                 varchar(16)  NOT NULL CHECK (status IN ('active', 'tobedeleted')),
    date_last_modified     timestamp(3) with time zone NOT NULL,
    metadata               jsonb,
    title                  text         NOT NULL,
    school_year_sourced_id varchar(255),
    course_code            text,
    grades                 text[],
    subjects               text[],
    subject_codes          text[],
    org_sourced_id         varchar(255) NOT NULL
);
CREATE INDEX roster_course_modified ON roster_course (date_last_modified, sourced_id);
CREATE INDEX roster_course_org ON roster_course (org_sourced_id, sourced_id);

CREATE TABLE roster_class (
    sourced_id         varchar(255) PRIMARY KEY,
    status             varchar(16)  NOT NULL CHECK (status IN ('active', 'tobedeleted')),
    date_last_modified timestamp(3) with time zone NOT NULL,
    metadata           jsonb,
    title              text         NOT NULL,
    class_code         text,
    class_type         varchar(16)  NOT NULL CHECK (class_type IN ('homeroom', 'scheduled')),
    location           text,
    grades             text[],
    subjects           text[],
    subject_codes      text[],
    periods            text[],
    course_sourced_id  varchar(255) NOT NULL,
    school_sourced_id  varchar(255) NOT NULL,
    term_sourced_ids   text[] NOT NULL
);
CREATE INDEX roster_class_modified ON roster_class (date_last_modified, sourced_id);
CREATE INDEX roster_class_course ON roster_class (course_sourced_id, sourced_id);
CREATE INDEX roster_class_school ON roster_class (school_sourced_id, sourced_id);
CREATE INDEX roster_class_terms ON roster_class USING gin (term_sourced_ids);

-- roles: [{"roleType","role","org","userProfile","beginDate","endDate"}] with org a sourcedId;
-- user_ids: [{"type","identifier"}]; agent_sourced_ids: sourcedIds of related users.
CREATE TABLE roster_user (
    sourced_id             varchar(255) PRIMARY KEY,
    status                 varchar(16)  NOT NULL CHECK (status IN ('active', 'tobedeleted')),
    date_last_modified     timestamp(3) with time zone NOT NULL,
    metadata               jsonb,
    enabled_user           boolean      NOT NULL,
    username               text         NOT NULL,
    user_ids               jsonb        NOT NULL DEFAULT '[]',
    given_name             text         NOT NULL,
    family_name            text         NOT NULL,
    middle_name            text,
    preferred_given_name   text,
    preferred_middle_name  text,
    preferred_family_name  text,
    pronouns               text,
    identifier             text,
    email                  text,
    sms                    text,
    phone                  text,
    grades                 text[],
    user_master_identifier text,
    primary_org_sourced_id varchar(255),
    agent_sourced_ids      text[] NOT NULL DEFAULT '{}',
    roles                  jsonb        NOT NULL DEFAULT '[]',
    -- The set of roles, and of orgs the user has a role in, for filters and access boundaries.
    role_names             text[] NOT NULL DEFAULT '{}',
    role_org_sourced_ids   text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX roster_user_modified ON roster_user (date_last_modified, sourced_id);
CREATE INDEX roster_user_role_names ON roster_user USING gin (role_names);
CREATE INDEX roster_user_role_orgs ON roster_user USING gin (role_org_sourced_ids);

CREATE TABLE roster_enrollment (
    sourced_id         varchar(255) PRIMARY KEY,
    status             varchar(16)  NOT NULL CHECK (status IN ('active', 'tobedeleted')),
    date_last_modified timestamp(3) with time zone NOT NULL,
    metadata           jsonb,
    class_sourced_id   varchar(255) NOT NULL,
    user_sourced_id    varchar(255) NOT NULL,
    school_sourced_id  varchar(255) NOT NULL,
    role               varchar(32)  NOT NULL
        CHECK (role IN ('administrator', 'proctor', 'student', 'teacher')),
    is_primary         boolean,
    begin_date         date,
    end_date           date
);
CREATE INDEX roster_enrollment_modified ON roster_enrollment (date_last_modified, sourced_id);
CREATE INDEX roster_enrollment_class ON roster_enrollment (class_sourced_id, sourced_id);
CREATE INDEX roster_enrollment_user ON roster_enrollment (user_sourced_id, sourced_id);
CREATE INDEX roster_enrollment_school ON roster_enrollment (school_sourced_id, sourced_id);

CREATE TABLE roster_demographics (
    sourced_id                                varchar(255) PRIMARY KEY,
    status                                    varchar(16) NOT NULL CHECK (status IN ('active', 'tobedeleted')),
    date_last_modified                        timestamp(3) with time zone NOT NULL,
    metadata                                  jsonb,
    birth_date                                date,
    sex                                       varchar(16) CHECK (sex IN ('male', 'female', 'other', 'unspecified')),
    american_indian_or_alaska_native          varchar(5),
    asian                                     varchar(5),
    black_or_african_american                 varchar(5),
    native_hawaiian_or_other_pacific_islander varchar(5),
    white                                     varchar(5),
    demographic_race_two_or_more_races        varchar(5),
    hispanic_or_latino_ethnicity              varchar(5),
    country_of_birth_code                     text,
    state_of_birth_abbreviation               text,
    city_of_birth                             text,
    public_school_residence_status            text
);
CREATE INDEX roster_demographics_modified ON roster_demographics (date_last_modified, sourced_id);
