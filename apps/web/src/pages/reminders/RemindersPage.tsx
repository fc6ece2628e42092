import { Empty } from 'antd';

/** 提醒与邮件: drawn in a later step. */
export default function RemindersPage() {
  return <Empty description="提醒与邮件：建设中" />;
}
