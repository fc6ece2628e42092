import { Empty } from 'antd';

/** 我的任务: drawn in a later step. */
export default function MyTasksPage() {
  return <Empty description="我的任务：建设中" />;
}
