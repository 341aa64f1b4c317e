import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/queries';
import ErrorPage from '../pages/errors/ErrorPage';
import { Brand } from './Brand';
import { LangSwitch } from './LangSwitch';
import { NavMenu } from './NavMenu';
import { NotificationBell } from './NotificationBell';
import { PageLoading } from './PageLoading';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

/**
 * The signed-in frame: header (brand, language, user), a side menu that follows the account's
 * permissions (a drawer on phones) and the page. Sends visitors without a session to sign in,
 * and accounts that must change their password to that page first.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const me = useMe();

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) return <ErrorPage status={500} message={me.error.message} />;
  if (!me.data) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (me.data.account.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to="/password" replace />;
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          borderBottom: '1px solid #e5e9ee',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {isMobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('nav.openMenu')}
            data-testid="menu-toggle"
          />
        )}
        <Brand compact={isMobile} />
        <div style={{ flex: 1 }} />
        <NotificationBell />
        <LangSwitch />
        <UserMenu me={me.data} compact={isMobile} />
      </Header>
      <Layout>
        {isMobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title={t('app.name')}
            styles={{ body: { padding: 8 } }}
          >
            <NavMenu me={me.data} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            width={208}
            theme="light"
            style={{ borderRight: '1px solid #e5e9ee' }}
          >
            <NavMenu me={me.data} />
          </Sider>
        )}
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
