// Conversations a real chat endpoint accepts. Random message lists that are valid against the schema
// (a tool message with no call before it, an assistant message last without `prefix`) are refused by
// real servers for reasons the schema cannot express, so generated chat requests draw from these.

export const CONVERSATIONS: Array<Array<Record<string, unknown>>> = [
  [{ role: 'user', content: 'Say hello in one word.' }],
  [
    { role: 'system', content: 'You are a terse assistant.' },
    { role: 'user', content: 'Name a primary colour.' },
  ],
  [
    { role: 'user', content: 'Count to three.' },
    { role: 'assistant', content: 'One, two, three.' },
    { role: 'user', content: 'Now backwards.' },
  ],
  [{ role: 'user', content: [{ type: 'text', text: 'Give one French word.' }] }],
  [
    { role: 'user', content: 'Complete the sentence.' },
    { role: 'assistant', content: 'The sky is', prefix: true },
  ],
];

/** Chat moderation input: a list of conversations (the spec allows one conversation or several). */
export const MODERATION_CONVERSATIONS: unknown[] = [CONVERSATIONS[0], [CONVERSATIONS[0], CONVERSATIONS[1]]];

export const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city'],
    },
  },
};

/** Fine-tuning data in the documented chat format: what generated uploads send as their file (one per conversation). */
export const TRAINING_FILES: string[] = CONVERSATIONS.filter((c) => !c.some((m) => m.prefix === true)).map(
  (c, i) =>
    `${[c, CONVERSATIONS[(i + 1) % 3]!]
      .map((conv) => JSON.stringify({ messages: [...conv.filter((m) => m.prefix !== true), { role: 'assistant', content: `Answer ${i}.` }] }))
      .join('\n')}\n`,
);
