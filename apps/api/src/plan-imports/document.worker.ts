import { type DocumentWork, type DocumentWorkResult, runDocumentWork } from './document-work';

/** Entry point of the document worker threads (piscina calls the default export). */
export default function documentWorker(work: DocumentWork): Promise<DocumentWorkResult> {
  return runDocumentWork(work);
}
