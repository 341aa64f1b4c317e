import { LoginOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { useMe } from '../../api/queries';
import { Brand } from '../../components/Brand';
import { LangSwitch } from '../../components/LangSwitch';
import { PageLoading } from '../../components/PageLoading';

/** The frame of the public pages (no sign-in): brand, language and a way in for staff. */
export default function PublicLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const me = useMe();
  const signedIn = !!me.data;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
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
        <Brand compact={isMobile} />
        {!isMobile && (
          <Link to="/find" style={{ marginInlineStart: 12 }}>
            <Typography.Text type="secondary">{t('directory.title')}</Typography.Text>
          </Link>
        )}
        <div style={{ flex: 1 }} />
        <LangSwitch />
        <Button
          icon={<LoginOutlined />}
          onClick={() => navigate(signedIn ? '/' : '/login')}
          data-testid="public-signin"
        >
          {isMobile ? null : t(signedIn ? 'directory.workbench' : 'directory.signIn')}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12, color: '#8a97a3' }}>
        {t('app.footer')}
      </Layout.Footer>
    </Layout>
  );
}
