-- The whole conversation context of a chat, not only its last passage: a follow-up handled by
-- another replica needs the thread's question, what was shown last and every passage already
-- shown. JSON text written by org.briefbot.conversation.ContextJson; NULL in rows saved before V2,
-- which are then read as no context (the reader asks again, nothing breaks).
ALTER TABLE chat_context ADD COLUMN state TEXT;
