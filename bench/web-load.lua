-- wrk script for bench/web-load: POST /api/ask with real questions about the seed article, one
-- after another in turn, each a new conversation (no follow-ups), as readers arriving on the page.
-- The last one is out of scope: the decline path is served too.
local questions = {
  "How much is the AWS deal worth?",
  "Which chips will OpenAI use to train its models?",
  "Why does the deal matter for Nvidia?",
  "What happens next for AWS and OpenAI?",
  "Who designs the Trainium chips?",
  "What is the capital of Peru?",
}

local bodies = {}
for i, q in ipairs(questions) do
  bodies[i] = '{"question": "' .. q .. '"}'
end

local next_question = 0

request = function()
  next_question = next_question % #bodies + 1
  return wrk.format("POST", "/api/ask", { ["Content-Type"] = "application/json" }, bodies[next_question])
end
