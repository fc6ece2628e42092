import { Empty } from 'antd';

/** 计划导入: drawn in a later step. */
export default function ImportsPage() {
  return <Empty description="计划导入：建设中" />;
}
