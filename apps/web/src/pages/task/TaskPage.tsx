import { Empty } from 'antd';

/** 任务详情: drawn in a later step. */
export default function TaskPage() {
  return <Empty description="任务详情：建设中" />;
}
