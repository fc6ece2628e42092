import mammoth from 'mammoth';
import { parsePlan, PlanParseError, type PlanDraft, type PlanTask } from '@duban/plan-parser';
import { checkDocxArchive, DocxRefusedError, type DocxLimits } from './docx-archive';

export interface TaskLimits {
  maxTasks: number;
  maxTaskChars: number;
}

/** What a worker thread is asked to do: read a .docx's text, or parse a plan's text. */
export type DocumentWork =
  | { kind: 'docx-text'; fileName: string; bytes: Uint8Array; limits: DocxLimits }
  | { kind: 'parse'; content: string | Uint8Array; limits: TaskLimits };

/** A refusal crosses the thread boundary as data: error classes do not survive the copy. */
export interface DocumentRefusal {
  ok: false;
  status: 413 | 422;
  error: string;
  message: string;
}

export type DocumentWorkResult =
  | { ok: true; kind: 'docx-text'; text: string }
  | { ok: true; kind: 'parse'; draft: PlanDraft }
  | DocumentRefusal;

const refusal = (status: 413 | 422, error: string, message: string): DocumentRefusal => ({
  ok: false,
  status,
  error,
  message,
});

/** Runs in a worker thread (see document.worker.ts): the CPU-heavy reading of an import. */
export async function runDocumentWork(work: DocumentWork): Promise<DocumentWorkResult> {
  return work.kind === 'docx-text' ? docxText(work) : parse(work);
}

async function docxText(
  work: Extract<DocumentWork, { kind: 'docx-text' }>,
): Promise<DocumentWorkResult> {
  const bytes = Buffer.from(work.bytes.buffer, work.bytes.byteOffset, work.bytes.byteLength);
  try {
    await checkDocxArchive(work.fileName, bytes, work.limits);
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return { ok: true, kind: 'docx-text', text: value };
  } catch (error) {
    if (error instanceof DocxRefusedError && error.reason === 'too-large') {
      return refusal(413, 'DOCUMENT_TOO_LARGE', error.message);
    }
    return refusal(
      422,
      'DOCUMENT_UNREADABLE',
      `${work.fileName} is not a readable .docx file (Word 2007 or later); save it again or upload the text`,
    );
  }
}

function parse(work: Extract<DocumentWork, { kind: 'parse' }>): DocumentWorkResult {
  let draft: PlanDraft;
  try {
    draft = parsePlan(work.content);
  } catch (error) {
    if (error instanceof PlanParseError) {
      return refusal(error.code === 'TOO_LARGE' ? 413 : 422, error.code, error.message);
    }
    throw error;
  }
  const tasks = flatten(draft.tasks);
  if (tasks.length > work.limits.maxTasks) {
    return refusal(
      422,
      'TOO_MANY_TASKS',
      `The document reads as ${tasks.length} tasks, more than the ${work.limits.maxTasks} a plan may have; check that the right file was chosen or split the plan`,
    );
  }
  const longest = tasks.find((t) => t.title.length + t.body.length > work.limits.maxTaskChars);
  if (longest) {
    return refusal(
      422,
      'TASK_TOO_LONG',
      `Task ${longest.number} runs to ${longest.title.length + longest.body.length} characters, more than ${work.limits.maxTaskChars}: number the items inside it or split it, then import again`,
    );
  }
  return { ok: true, kind: 'parse', draft };
}

function flatten(tasks: readonly PlanTask[]): PlanTask[] {
  const all: PlanTask[] = [];
  const stack = [...tasks].reverse();
  while (stack.length) {
    const task = stack.pop() as PlanTask;
    all.push(task);
    stack.push(...[...task.children].reverse());
  }
  return all;
}
