import { Empty } from 'antd';

/** 任务台账: drawn in a later step. */
export default function LedgerPage() {
  return <Empty description="任务台账：建设中" />;
}
