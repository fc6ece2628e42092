import { Empty } from 'antd';

/** 年度考核: drawn in a later step. */
export default function AssessmentPage() {
  return <Empty description="年度考核：建设中" />;
}
