import { Empty } from 'antd';

/** 部门与用户: drawn in a later step. */
export default function DirectoryPage() {
  return <Empty description="部门与用户：建设中" />;
}
