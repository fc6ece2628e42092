import 'reflect-metadata';
import { runService } from '@duban/bootstrap';
import { createApiApp } from './create-api-app';

void runService('api', async (config, logger) => {
  const app = await createApiApp(config, logger);
  await app.listen(config.api.port, '0.0.0.0');
  logger.log(
    `listening on :${config.api.port}${config.api.docs ? ' (OpenAPI at /docs)' : ''}`,
    'Bootstrap',
  );
  return app;
});
