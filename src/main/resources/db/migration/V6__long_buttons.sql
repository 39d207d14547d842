-- Button actions longer than Telegram's 64 bytes of callback data ("/in ARTICLE QUESTION", a
-- decline's "/passage ID QUESTION"), kept for the chat they were sent to: the button carries only
-- the row's id, and works after a restart and through any replica. A tap from another chat opens
-- nothing, since ids are easy to guess and commands hold readers' questions. Rows older than
-- Store.REMEMBER_BUTTONS are deleted as new ones arrive (Store.saveButton).
CREATE TABLE long_buttons (
  id          ${identity},
  chat_id     BIGINT NOT NULL,
  command     TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);
CREATE INDEX long_buttons_created_at ON long_buttons (created_at);
