/** What a handler answers: a status and a JSON body. */
export interface HandlerResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An answer in the shape of the OpenAI API's errors. */
export function openAiError(
  status: number,
  message: string,
  details: { type?: string; param?: string | null; code?: string | null } = {},
): HandlerResult {
  return {
    status,
    body: {
      error: {
        message,
        type: details.type ?? 'invalid_request_error',
        param: details.param ?? null,
        code: details.code ?? null,
      },
    },
  };
}
