-- Every channel records its exchanges (telegram, console, web), with the passage text as the reader
-- saw it: the editors' desk shows text, not ids, and a passage edited since still shows what was
-- said. Rows written before V5 came from Telegram, the only channel that recorded then.
ALTER TABLE answers ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'telegram';
ALTER TABLE answers ADD COLUMN shown_text TEXT;

-- Chit-chat ("hi", "thanks!") answered by the small-talk replies: counted apart, so it never pads
-- the unanswered list nor the questions per day.
CREATE TABLE small_talk (
  id        ${identity},
  channel   VARCHAR(16) NOT NULL,
  chat_id   BIGINT NOT NULL,
  message   TEXT NOT NULL,
  said_at   BIGINT NOT NULL
);
CREATE INDEX small_talk_said_at ON small_talk (said_at);

-- What editors decided about a question on the desk, by the question's near-duplicate key
-- (org.briefbot.store.NearDuplicates.key), so every wording of it leaves the desk's lists.
CREATE TABLE desk_marks (
  question_key  TEXT PRIMARY KEY,
  mark          VARCHAR(16) NOT NULL,
  question      TEXT NOT NULL,
  marked_at     BIGINT NOT NULL
);
