import { join } from 'node:path';
import {
  Injectable,
  type OnModuleDestroy,
  PayloadTooLargeException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Piscina } from 'piscina';
import type { DubanConfig } from '@duban/config';
import type { PlanDraft } from '@duban/plan-parser';
import type { DocumentRefusal, DocumentWork, DocumentWorkResult } from './document-work';

/** Heap of one worker: a document that needs more is refused (413), the API process lives on. */
const WORKER_HEAP_MB = 1024;

/**
 * The worker threads that read .docx files and parse plans, so a large document never holds the
 * event loop. Run from TypeScript source (jest, `node -r @swc-node/register`) a worker loads
 * document.worker.ts through the same register hook, which also resolves the @duban/* paths of
 * tsconfig.json; run from dist it loads the compiled document.worker.js, whose paths tsc-alias
 * rewrote. The pool lives as long as the API and is closed with it.
 */
@Injectable()
export class DocumentWorkers implements OnModuleDestroy {
  private readonly pool: Piscina<DocumentWork, DocumentWorkResult>;

  constructor(config: ConfigService<DubanConfig, true>) {
    const fromSource = __filename.endsWith('.ts');
    this.pool = new Piscina({
      filename: join(__dirname, fromSource ? 'document.worker.ts' : 'document.worker.js'),
      execArgv: fromSource ? ['-r', '@swc-node/register'] : [],
      minThreads: 0,
      maxThreads: config.get('imports', { infer: true }).parseThreads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  }

  async docxText(
    fileName: string,
    bytes: Buffer,
    limits: DubanConfig['imports']['docx'],
  ): Promise<string> {
    const result = await this.run({ kind: 'docx-text', fileName, bytes, limits });
    if (result.kind !== 'docx-text') {
      throw new Error('The document worker answered another kind of work');
    }
    return result.text;
  }

  async parse(
    content: string | Buffer,
    limits: { maxTasks: number; maxTaskChars: number },
  ): Promise<PlanDraft> {
    const result = await this.run({ kind: 'parse', content, limits });
    if (result.kind !== 'parse') {
      throw new Error('The document worker answered another kind of work');
    }
    return result.draft;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(work: DocumentWork): Promise<Exclude<DocumentWorkResult, DocumentRefusal>> {
    let result: DocumentWorkResult;
    try {
      result = await this.pool.run(work);
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new PayloadTooLargeException({
          statusCode: 413,
          error: 'DOCUMENT_TOO_LARGE',
          message:
            'The document needs more memory to read than a plan does; remove images and empty pages, or upload the text',
        });
      }
      throw error;
    }
    if (!result.ok) {
      const body = { statusCode: result.status, error: result.error, message: result.message };
      throw result.status === 413
        ? new PayloadTooLargeException(body)
        : new UnprocessableEntityException(body);
    }
    return result;
  }
}
