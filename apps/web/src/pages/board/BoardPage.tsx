import { Empty } from 'antd';

/** 督办看板: drawn in a later step. */
export default function BoardPage() {
  return <Empty description="督办看板：建设中" />;
}
