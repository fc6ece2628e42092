import { LogoutOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Outlet, useMatches, useNavigate, useLocation } from 'react-router';
import { type Role, useSession, useUser } from '../auth/session';
import { label, ROLE_LABELS } from '../shared/format';
import { PAGES } from './routes';

const ForbiddenPage = lazy(() => import('../pages/forbidden/ForbiddenPage'));

interface PageHandle {
  title: string;
  roles: readonly Role[];
}

/** The open page's title and roles (from its route's handle). */
function usePageHandle(): PageHandle | undefined {
  const matches = useMatches();
  return matches
    .map((match) => match.handle as PageHandle | undefined)
    .filter((handle): handle is PageHandle => Boolean(handle?.title))
    .pop();
}

/**
 * The frame of every page: the menu of the signed-in role, who is signed in, sign-out. At a
 * phone's width the menu folds away behind a button (liaisons open mail links on phones).
 */
export default function ConsoleLayout() {
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const page = usePageHandle();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;

  useEffect(() => {
    document.title = page ? `${page.title} - 督办系统` : '督办系统';
  }, [page]);

  const menu = PAGES.filter((entry) => entry.menu && entry.roles.includes(user.role)).map(
    (entry) => ({ key: entry.path, label: entry.menu }),
  );
  const selected = menu
    .map((item) => item.key)
    .filter((key) => location.pathname === key || location.pathname.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  const allowed = !page || page.roles.includes(user.role);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="md"
        collapsedWidth={0}
        theme="light"
        width={180}
        // antd puts the folded menu's button below the header, over the page's first line; it
        // belongs in the header's left corner, which the header keeps free at a phone's width.
        zeroWidthTriggerStyle={{ top: 12 }}
      >
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>督办系统</div>
        <nav aria-label="主菜单">
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={menu}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: narrow ? '0 12px 0 56px' : '0 24px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
            {page?.title ?? '督办系统'}
          </Typography.Title>
          <Space size={narrow ? 4 : 12}>
            {!narrow && (
              <Typography.Text type="secondary">
                {user.username}（{label(ROLE_LABELS, user.role)}）
              </Typography.Text>
            )}
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 24 }}>
          <main>
            <Suspense fallback={<Spin />}>{allowed ? <Outlet /> : <ForbiddenPage />}</Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
