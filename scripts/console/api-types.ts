import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Where the console's generated API types live (checked to be current by an e2e test). */
export const API_TYPES_FILE = 'apps/web/src/api/schema.d.ts';

const HEADER = `/**
 * Generated from the api's OpenAPI document by \`npm run web:api\`: do not edit by hand.
 * An e2e test (tests/e2e/console/api-types.e2e-spec.ts) fails when this file is not current.
 */

`;

/** The TypeScript declarations openapi-fetch types the console's calls with. */
export async function renderApiTypes(document: OpenAPIObject): Promise<string> {
  // The document is plain JSON; openapi-typescript reads it as an OpenAPI 3 object.
  const ast = await openapiTS(
    JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0],
  );
  return HEADER + astToString(ast);
}
