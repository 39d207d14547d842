-- Update ids already taken, by any replica: Telegram delivers an update again when a restart came
-- before the next getUpdates confirmed it, or when a webhook post is retried, and a question must
-- be answered once. Rows older than a week are deleted as new ones arrive (Store.firstDelivery).
CREATE TABLE handled_updates (
  update_id    BIGINT PRIMARY KEY,
  received_at  BIGINT NOT NULL
);
CREATE INDEX handled_updates_received_at ON handled_updates (received_at);
