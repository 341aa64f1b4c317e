import { LockOutlined, SearchOutlined, ShopOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { type ApiError, post, setCsrfToken } from '../../api/client';
import { fetchMe, keys, useMe } from '../../api/queries';
import type { LoginResult } from '../../api/types';
import { Brand } from '../../components/Brand';
import { LangSwitch } from '../../components/LangSwitch';
import { PageLoading } from '../../components/PageLoading';

interface LoginForm {
  username: string;
  password: string;
}

/**
 * Sign in with username and password; shows the server's reason when refused (e.g. locked). Public
 * ways out: the care directory above the card, institution self-registration below it.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const from = (location.state as { from?: string } | null)?.from;

  const login = useMutation<LoginResult, ApiError, LoginForm>({
    mutationFn: (values) => post<LoginResult>('/api/auth/login', values),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      const session = await queryClient.fetchQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 0 });
      const mustChange = session?.account.mustChangePassword ?? result.account.mustChangePassword;
      navigate(mustChange ? '/password' : from && from !== '/login' ? from : '/', { replace: true });
    },
  });

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.data && !login.isPending) return <Navigate to={from && from !== '/login' ? from : '/'} replace />;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(160deg, #e8f1f4 0%, #f4f6f8 55%, #fdf6ea 100%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 12 }}>
        <LangSwitch />
      </div>
      <div
        style={{
          flex: 1,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 16,
          padding: 16,
        }}
      >
        <Button
          block
          size="large"
          icon={<SearchOutlined />}
          onClick={() => navigate('/find')}
          data-testid="find-link"
          style={{
            maxWidth: 400,
            height: 52,
            fontSize: 16,
            background: '#fff8ec',
            borderColor: '#f5a623',
            color: '#ad6800',
          }}
        >
          {t('login.findCare')}
        </Button>
        <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 28 } }}>
          <div style={{ display: 'flex', justifyContent: 'center', marginBottom: 8 }}>
            <Brand />
          </div>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
            {t('login.subtitle')}
          </Typography.Paragraph>
          {login.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              title={login.error.message}
            />
          )}
          <Form<LoginForm>
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => login.mutate(values)}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                size="large"
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}
          >
            {t('login.demoHint')}
          </Typography.Paragraph>
        </Card>
        <div style={{ width: '100%', maxWidth: 400, textAlign: 'center' }}>
          <Link
            to="/signup"
            data-testid="signup-link"
            style={{ fontSize: 15, display: 'block', marginBottom: 12 }}
          >
            <UserAddOutlined /> {t('signup.loginLink')}
          </Link>
          <Link to="/register" data-testid="register-link" style={{ fontSize: 15 }}>
            <ShopOutlined /> {t('login.register')}
          </Link>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {t('login.registerHint')}
          </Typography.Paragraph>
        </div>
      </div>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Paragraph>
    </div>
  );
}
