import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { DepartmentsTab } from './DepartmentsTab';
import { directoryTabOf } from './directory-forms';
import { UsersTab } from './UsersTab';

/** 部门与用户: the department directory and the users with their roles. */
export default function DirectoryPage() {
  const [params, setParams] = useSearchParams();
  const tab = directoryTabOf(params.get('tab'));
  return (
    <section aria-label="部门与用户">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'users' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'departments', label: '部门', children: <DepartmentsTab /> },
          { key: 'users', label: '用户', children: <UsersTab /> },
        ]}
        destroyOnHidden
      />
    </section>
  );
}
