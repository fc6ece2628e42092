import { createHash } from 'node:crypto';
import { UnprocessableEntityException } from '@nestjs/common';

/**
 * How an uploaded plan is read: a .docx has its text extracted (in a worker thread), anything
 * else is handed to the parser as bytes; formats the importer cannot read are refused here.
 */
export function uploadKind(fileName: string | null): 'docx' | 'text' {
  if (fileName && /\.docx$/i.test(fileName)) {
    return 'docx';
  }
  if (fileName && /\.(doc|pdf|xls|xlsx|wps)$/i.test(fileName)) {
    throw new UnprocessableEntityException(
      `${fileName}: only .txt and .docx plans can be imported; save it as .docx or plain text`,
    );
  }
  return 'text';
}

/** Identity of a plan's text: the same document re-uploaded (other line breaks or widths) hashes the same. */
export function sourceHash(text: string): string {
  const normalized = text.normalize('NFKC').replace(/\s+/g, '');
  return createHash('sha256').update(normalized).digest('hex');
}
