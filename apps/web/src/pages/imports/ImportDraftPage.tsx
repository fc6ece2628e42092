import { Empty } from 'antd';

/** 导入审核: drawn in a later step. */
export default function ImportDraftPage() {
  return <Empty description="导入审核：建设中" />;
}
