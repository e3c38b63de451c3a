import { describeApi } from '@learntrac/learn-api/app';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the generated types live, from web/. */
export const LEARN_API_TYPES_FILE = 'src/features/learning/learn-api/learn-api-schema.gen.ts';

const banner = `/**
 * learn-api's routes and schemas as TypeScript types, generated from its OpenAPI document.
 * Do not edit: run \`pnpm --filter @learntrac/web generate:learn-api\` after changing learn-api.
 */
`;

/** The types of learn-api's current OpenAPI document, as the committed file should read. */
export async function renderLearnApiTypes(): Promise<string> {
  // A JSON round trip drops the `undefined` members the document builder leaves in place.
  const document = JSON.parse(JSON.stringify(describeApi()));
  // A field with a default may be left out of a request, so it stays optional in the types.
  const ast = await openapiTS(document, { alphabetize: false, defaultNonNullable: false });
  return `${banner}\n${astToString(ast)}`;
}
