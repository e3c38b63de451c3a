import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type HandlerResult, openAiError } from './openai-error.js';

/**
 * Answers a structured request: the JSON the user sent, for the named response format.
 * Resolves to the reply object, or to undefined when it has no answer for that format.
 */
export type AnswerStructured = (request: {
  formatName: string;
  payload: unknown;
}) => Promise<unknown>;

const ContentSchema = z.union([
  z.string(),
  z.array(z.object({ type: z.string(), text: z.string().optional() })),
]);

const ChatCompletionRequestSchema = z.object({
  model: z.string().min(1),
  messages: z
    .array(
      z.object({
        role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
        content: ContentSchema.nullable().optional(),
      }),
    )
    .min(1),
  response_format: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('json_object') }),
      z.object({
        type: z.literal('json_schema'),
        json_schema: z.object({ name: z.string().min(1), schema: z.unknown().optional() }),
      }),
    ])
    .optional(),
  n: z.literal(1).optional(),
  stream: z.literal(false).optional(),
});

function textOf(content: z.infer<typeof ContentSchema> | null | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => part.text ?? '').join('');
}

// An estimate: about four characters per token in English text.
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

/**
 * `POST /v1/chat/completions` for structured outputs: the last user message is the task as
 * JSON, `response_format.json_schema.name` says which task, and `answer` does the work. The
 * reply is a chat completion whose message content is the answer as JSON.
 */
export function createChatCompletionsHandler({ answer }: { answer: AnswerStructured }) {
  return async (body: unknown): Promise<HandlerResult> => {
    const parsed = ChatCompletionRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const param = issue.path.map(String).join('.');
      return openAiError(400, `Invalid value for '${param}': ${issue.message}`, {
        param: String(issue.path[0] ?? ''),
      });
    }
    const request = parsed.data;
    const format = request.response_format;
    if (format?.type !== 'json_schema') {
      return openAiError(
        400,
        "This server answers structured requests only: set response_format to { type: 'json_schema' }",
        { param: 'response_format' },
      );
    }
    const task = request.messages.findLast((message) => message.role === 'user');
    let payload: unknown;
    try {
      payload = JSON.parse(textOf(task?.content));
    } catch {
      return openAiError(400, 'The last user message must be the task as JSON', {
        param: 'messages',
      });
    }
    let reply: unknown;
    try {
      reply = await answer({ formatName: format.json_schema.name, payload });
    } catch (error) {
      return openAiError(400, `The task cannot be done: ${(error as Error).message}`, {
        param: 'messages',
      });
    }
    if (reply === undefined) {
      return openAiError(400, `This server has no answer for '${format.json_schema.name}'`, {
        param: 'response_format',
      });
    }
    const content = JSON.stringify(reply);
    const promptTokens = estimateTokens(
      request.messages.map((message) => textOf(message.content)).join('\n'),
    );
    const completionTokens = estimateTokens(content);
    return {
      status: 200,
      body: {
        id: `chatcmpl-${randomUUID()}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
      },
    };
  };
}
