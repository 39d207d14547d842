-- Context in group chats, where one chat has many readers: each reader's own last answer (owner
-- 'reader', owner_id the user id), and the context of each answer the bot sent (owner 'message',
-- owner_id the message id), so that a reply to an answer follows that answer. JSON text written by
-- org.briefbot.conversation.ContextJson. Rows older than a week are deleted as new ones arrive
-- (Store.saveGroupContext).
CREATE TABLE group_context (
  chat_id   BIGINT NOT NULL,
  owner     VARCHAR(8) NOT NULL,
  owner_id  BIGINT NOT NULL,
  state     TEXT NOT NULL,
  saved_at  BIGINT NOT NULL,
  PRIMARY KEY (chat_id, owner, owner_id)
);
CREATE INDEX group_context_saved_at ON group_context (saved_at);
