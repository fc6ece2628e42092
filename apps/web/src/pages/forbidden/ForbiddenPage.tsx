import { Result } from 'antd';

/**
 * Shown in place of a page the signed-in role may not open. Its own chunk: Result's illustrations
 * are a tenth of the first load and nobody who uses the console as meant ever sees them.
 */
export default function ForbiddenPage() {
  return <Result status="403" title="无权访问" subTitle="您的角色不能查看此页面。" />;
}
