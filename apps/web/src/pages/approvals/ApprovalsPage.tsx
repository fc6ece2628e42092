import { Empty } from 'antd';

/** 待审批: drawn in a later step. */
export default function ApprovalsPage() {
  return <Empty description="待审批：建设中" />;
}
