import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { describeError } from '../../api/errors';
import { downloadReport } from './fetch-report';
import { REPORT_FORMAT_LABELS, type ReportFormat } from './report-download';

const FORMATS: ReportFormat[] = ['xlsx', 'html'];

/** Downloads of the stored run's reports (office only: building one is a job the office asks for). */
export default function ReportDownloads({ year, asOf }: { year: number; asOf: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ReportFormat | null>(null);

  const save = async (format: ReportFormat) => {
    setBusy(format);
    try {
      const name = await downloadReport(year, format, asOf);
      void message.success(`已下载：${name}`);
    } catch (error) {
      void message.error(`下载失败：${describeError(error)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex gap={8} wrap>
      {FORMATS.map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={busy === format}
          disabled={busy !== null && busy !== format}
          onClick={() => void save(format)}
        >
          下载{REPORT_FORMAT_LABELS[format]}
        </Button>
      ))}
    </Flex>
  );
}
