import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type RunningOpenAiCompatibleServer,
  startOpenAiCompatibleServer,
} from './start-openai-compatible-server.js';

// A task the tests can check the answer of: count the words it was given.
async function answer({ formatName, payload }: { formatName: string; payload: unknown }) {
  if (formatName !== 'word_count') return undefined;
  const { text } = payload as { text: string };
  if (typeof text !== 'string') throw new Error('text must be a string');
  return { words: text.split(/\s+/).filter(Boolean).length };
}

const structured = (name: string) => ({
  type: 'json_schema',
  json_schema: { name, strict: true, schema: { type: 'object' } },
});

describe('structured chat completions on the OpenAI-compatible test server', () => {
  let server: RunningOpenAiCompatibleServer;
  const post = (body: unknown) =>
    fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const request = (content: string, format: unknown = structured('word_count')) => ({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Count the words.' },
      { role: 'user', content },
    ],
    response_format: format,
  });

  beforeAll(async () => {
    server = await startOpenAiCompatibleServer({ embed: async () => [], answer });
  });
  afterAll(() => server?.close());

  it('answers the task in the last user message as a chat completion with usage', async () => {
    const response = await post(request(JSON.stringify({ text: 'one two three' })));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      choices: { message: { content: string } }[];
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    };
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', refusal: null } }],
    });
    expect(JSON.parse(body.choices[0]!.message.content)).toEqual({ words: 3 });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it.each([
    ['no structured response format', request('{}', { type: 'text' }), 'response_format'],
    ['a format it has no answer for', request('{}', structured('haiku')), 'response_format'],
    ['a task that is not JSON', request('count these words'), 'messages'],
    ['a task the answer refuses', request(JSON.stringify({ text: 7 })), 'messages'],
    ['no messages', { model: 'gpt-4o-mini', messages: [] }, 'messages'],
  ])('refuses %s with 400 naming the parameter', async (_case, body, param) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { type: 'invalid_request_error', param },
    });
  });

  it('has no chat route when started without an answer', async () => {
    const embeddingsOnly = await startOpenAiCompatibleServer({ embed: async () => [] });
    try {
      const response = await fetch(`${embeddingsOnly.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify(request('{}')),
      });
      expect(response.status).toBe(404);
    } finally {
      await embeddingsOnly.close();
    }
  });
});
