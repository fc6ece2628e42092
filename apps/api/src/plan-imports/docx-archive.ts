import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface DocxLimits {
  maxEntries: number;
  maxXmlBytes: number;
  maxUnpackedBytes: number;
}

/** Why a .docx was refused: too large once unpacked (413), or not a readable zip (422). */
export class DocxRefusedError extends Error {
  constructor(
    readonly reason: 'too-large' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'DocxRefusedError';
  }
}

/** The parts the reader parses as XML: their unpacked size is what fills the heap. */
const XML_PART = /\.(xml|rels)$/i;

const megabytes = (bytes: number) => `${Math.max(1, Math.round(bytes / (1024 * 1024)))} MB`;

/**
 * Checks a .docx before any of its XML is parsed: the entry count and the declared unpacked sizes
 * from the zip's central directory against the limits, then inflates every entry with yauzl's
 * size validation, so an entry that unpacks to more than it declares fails as soon as it does
 * (the inflated bytes are counted and dropped, never held). A zip bomb costs at most the limits.
 */
export async function checkDocxArchive(
  fileName: string,
  bytes: Buffer,
  limits: DocxLimits,
): Promise<void> {
  const zip = await openZip(fileName, bytes);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new DocxRefusedError(
        'too-large',
        `${fileName} holds ${zip.entryCount} files, more than the ${limits.maxEntries} a Word document has; save it again in Word or upload the text`,
      );
    }
    const entries = await listEntries(fileName, zip);
    let xmlBytes = 0;
    let unpackedBytes = 0;
    for (const entry of entries) {
      unpackedBytes += entry.uncompressedSize;
      xmlBytes += XML_PART.test(entry.fileName) ? entry.uncompressedSize : 0;
    }
    if (xmlBytes > limits.maxXmlBytes || unpackedBytes > limits.maxUnpackedBytes) {
      throw new DocxRefusedError(
        'too-large',
        `${fileName} unpacks to ${megabytes(Math.max(xmlBytes, unpackedBytes))}, more than a plan needs (at most ${megabytes(limits.maxXmlBytes)} of text); remove images and empty pages, or upload the text`,
      );
    }
    for (const entry of entries) {
      await inflateAndCount(fileName, zip, entry);
    }
  } finally {
    zip.close();
  }
}

function unreadable(fileName: string): DocxRefusedError {
  return new DocxRefusedError(
    'unreadable',
    `${fileName} is not a readable .docx file (Word 2007 or later); save it again or upload the text`,
  );
}

function openZip(fileName: string, bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error || !zip ? reject(unreadable(fileName)) : resolve(zip)),
    );
  });
}

function listEntries(fileName: string, zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      if (!entry.fileName.endsWith('/')) {
        entries.push(entry);
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', () => reject(unreadable(fileName)));
    zip.readEntry();
  });
}

function inflateAndCount(fileName: string, zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream: Readable | undefined) => {
      if (error || !stream) {
        reject(unreadable(fileName));
        return;
      }
      // yauzl errors the stream once it yields more (or fewer) bytes than the entry declares.
      stream.on('error', () => reject(unreadable(fileName)));
      stream.on('end', () => resolve());
      stream.resume();
    });
  });
}
