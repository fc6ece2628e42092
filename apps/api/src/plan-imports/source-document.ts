import { createHash } from 'node:crypto';
import { UnprocessableEntityException } from '@nestjs/common';
import mammoth from 'mammoth';

/** Plain text of an uploaded plan: .docx through mammoth, anything else handed to the parser as bytes. */
export async function documentBytes(
  fileName: string | null,
  bytes: Buffer,
): Promise<Buffer | string> {
  if (fileName && /\.docx$/i.test(fileName)) {
    try {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      return value;
    } catch {
      throw new UnprocessableEntityException(
        `${fileName} is not a readable .docx file (Word 2007 or later); save it again or upload the text`,
      );
    }
  }
  if (fileName && /\.(doc|pdf|xls|xlsx|wps)$/i.test(fileName)) {
    throw new UnprocessableEntityException(
      `${fileName}: only .txt and .docx plans can be imported; save it as .docx or plain text`,
    );
  }
  return bytes;
}

/** Identity of a plan's text: the same document re-uploaded (other line breaks or widths) hashes the same. */
export function sourceHash(text: string): string {
  const normalized = text.normalize('NFKC').replace(/\s+/g, '');
  return createHash('sha256').update(normalized).digest('hex');
}
