import { checkDocxArchive, DocxRefusedError, type DocxLimits } from './docx-archive';
import { documentXml, writeDocx, writeZip } from './test/zip-writer';

const LIMITS: DocxLimits = {
  maxEntries: 50,
  maxXmlBytes: 1024 * 1024,
  maxUnpackedBytes: 4 * 1024 * 1024,
};

async function refusal(bytes: Buffer, limits = LIMITS): Promise<DocxRefusedError> {
  const error = await checkDocxArchive('plan.docx', bytes, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocxRefusedError);
  return error as DocxRefusedError;
}

describe('checkDocxArchive', () => {
  it('lets an ordinary .docx through', async () => {
    const docx = writeDocx(documentXml(['梧州市实施方案', '一、主要任务', '(一)建设充电站。']));
    await expect(checkDocxArchive('plan.docx', docx, LIMITS)).resolves.toBeUndefined();
  });

  it('refuses a small file whose XML unpacks to 30 MB of empty paragraphs, from its directory alone', async () => {
    const bomb = writeDocx(documentXml(['方案'], '<w:p/>', 5_000_000));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await refusal(bomb);
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/^plan\.docx unpacks to 29 MB, more than a plan needs/);
  });

  it('refuses a bomb whose declared sizes lie, while inflating and within the declared size', async () => {
    const document = documentXml(['方案'], '<w:p/>', 2_000_000);
    const liar = writeDocx(Buffer.alloc(0), [
      { name: 'word/styles.xml', data: document, declaredSize: 1000 },
    ]);
    const error = await refusal(liar);
    expect(error.reason).toBe('unreadable');
    expect(error.message).toMatch(/is not a readable \.docx file/);
  });

  it('refuses more entries than the limit before reading any', async () => {
    const many = writeZip(
      Array.from({ length: 51 }, (_, i) => ({
        name: `word/part${i}.xml`,
        data: Buffer.from('<a/>'),
      })),
    );
    const error = await refusal(many);
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/holds 51 files, more than the 50/);
  });

  it('counts every entry against the unpacked limit, images included', async () => {
    const docx = writeDocx(documentXml(['方案']), [
      { name: 'word/media/image1.png', data: Buffer.alloc(5 * 1024 * 1024) },
    ]);
    expect((await refusal(docx)).reason).toBe('too-large');
  });

  it('refuses bytes that are not a zip as unreadable', async () => {
    expect((await refusal(Buffer.from('not a zip at all'))).reason).toBe('unreadable');
  });
});
