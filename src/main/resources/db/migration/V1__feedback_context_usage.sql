-- briefbot's state. One file for SQLite and PostgreSQL: only the portable subset of SQL is
-- used, and ${identity} is the dialect's auto-numbered primary key (see Dialect.java).
-- Times are epoch milliseconds (UTC), so both databases compare and group them alike.

-- Every reply to a question, answered or declined: what was shown, to whom, how sure.
CREATE TABLE answers (
  id          ${identity},
  chat_id     BIGINT NOT NULL,
  user_id     BIGINT NOT NULL,
  question    TEXT NOT NULL,
  answered    SMALLINT NOT NULL,
  passage_id  TEXT,
  article_id  TEXT,
  confidence  DOUBLE PRECISION NOT NULL,
  asked_at    BIGINT NOT NULL
);
CREATE INDEX answers_asked_at ON answers (asked_at);
CREATE INDEX answers_passage ON answers (passage_id);

-- One vote per user and answer; a second tap replaces it.
CREATE TABLE votes (
  answer_id  BIGINT NOT NULL REFERENCES answers (id),
  user_id    BIGINT NOT NULL,
  vote       SMALLINT NOT NULL CHECK (vote IN (-1, 1)),
  voted_at   BIGINT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
CREATE INDEX votes_voted_at ON votes (voted_at);

-- Questions editors should look at: declined, answered with low confidence, or voted down.
CREATE TABLE unanswered (
  id          ${identity},
  chat_id     BIGINT NOT NULL,
  answer_id   BIGINT REFERENCES answers (id),
  question    TEXT NOT NULL,
  reason      VARCHAR(16) NOT NULL,
  confidence  DOUBLE PRECISION NOT NULL,
  candidates  TEXT NOT NULL,
  logged_at   BIGINT NOT NULL
);
CREATE INDEX unanswered_logged_at ON unanswered (logged_at);
-- An answer is logged once per reason, however many readers vote it down.
CREATE UNIQUE INDEX unanswered_answer_reason ON unanswered (answer_id, reason);

-- The last answer in each chat, so a follow-up on another replica knows what it follows.
CREATE TABLE chat_context (
  chat_id     BIGINT PRIMARY KEY,
  article_id  TEXT NOT NULL,
  passage_id  TEXT NOT NULL,
  saved_at    BIGINT NOT NULL
);

-- Counters per UTC day: entities asked about, commands used.
CREATE TABLE usage_counts (
  day   BIGINT NOT NULL,
  kind  VARCHAR(16) NOT NULL,
  name  TEXT NOT NULL,
  uses  BIGINT NOT NULL,
  PRIMARY KEY (day, kind, name)
);
