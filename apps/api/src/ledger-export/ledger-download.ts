import { StreamableFile } from '@nestjs/common';
import type { LedgerFile } from './ledger-export.service';

/** A ledger file as an attachment, its (Chinese) name encoded as RFC 6266 asks. */
export function ledgerDownload(file: LedgerFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
