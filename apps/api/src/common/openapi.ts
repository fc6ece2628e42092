import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The API's OpenAPI document: served at /api/docs-json, and the source of the console's typed
 * client (apps/web/src/api/schema.d.ts), so a changed route breaks the console's type check.
 * Paths carry the /api/v1 prefix themselves, so the one server is the origin.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Duban API')
      .setDescription('Task supervision (督办) and performance assessment for supervising offices')
      .setVersion('1.0.0')
      .addServer('/')
      .addBearerAuth()
      .addCookieAuth('duban_session')
      .build(),
  );
}
