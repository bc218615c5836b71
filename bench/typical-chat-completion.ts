// A typical chat completion as api.mistral.ai sends it (mistral-tiny, Sep 2025), from the recording
// shared/real-responses/chat_completions__basic_2025-09__openllmetry.json (traceloop/openllmetry cassette).
export const TYPICAL_CHAT_COMPLETION: unknown = {
  id: 'e9459fcd56c742e0875167c9926c6aae',
  created: 1757759489,
  model: 'mistral-tiny',
  usage: {
    prompt_tokens: 11,
    total_tokens: 107,
    completion_tokens: 96,
  },
  object: 'chat.completion',
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: {
        role: 'assistant',
        tool_calls: null,
        content:
          "Here's a light-hearted, tech-themed joke related to OpenTelemetry:\n\nWhy did OpenTelemetry bring a map to a trace?\n\nBecause it didn't want to get lost in all the distributed service calls!\n\n(Note: This is a playful joke and does not necessarily reflect the actual functionality of OpenTelemetry. It's designed to bring a smile and spread some positivity amidst the tech talk.)",
      },
    },
  ],
};
