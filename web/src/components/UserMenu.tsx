import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post, setCsrfToken } from '../api/client';
import { keys } from '../api/queries';
import type { Me } from '../api/types';
import { roleLabel } from '../lib/labels';

/** The signed-in user's name, role and region; opens a menu with change password and sign out. */
export function UserMenu({ me, compact = false }: { me: Me; compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { account } = me;
  const role = roleLabel(t, account.role);
  const where = account.regionName || account.institutionName || '';

  const logout = useMutation({
    mutationFn: () => post<void>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      queryClient.setQueryData(keys.me, null);
      navigate('/login', { replace: true });
      message.success(t('auth.loggedOut'));
    },
  });

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div data-testid="user-info">
          <div>
            <Typography.Text strong>{account.displayName}</Typography.Text>{' '}
            <Typography.Text type="secondary">({account.username})</Typography.Text>
          </div>
          <Typography.Text type="secondary">{[role, where].filter(Boolean).join(' · ')}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-change-password">{t('nav.password')}</span>,
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="logout">{t('auth.logout')}</span>,
    },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'password') navigate('/password');
          if (key === 'logout') logout.mutate();
        },
      }}
    >
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={`${account.displayName} · ${role}`}
        style={{ height: 'auto', paddingBlock: 4, maxWidth: compact ? 72 : 320 }}
      >
        <span style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ flex: 'none' }} />
          {!compact && (
            <span
              style={{
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'flex-start',
                lineHeight: 1.3,
                minWidth: 0,
              }}
            >
              <Typography.Text ellipsis data-testid="user-name" style={{ maxWidth: 240 }}>
                {account.displayName}
              </Typography.Text>
              <Typography.Text
                type="secondary"
                ellipsis
                style={{ fontSize: 12, maxWidth: 240 }}
                data-testid="user-role"
              >
                {[role, where].filter(Boolean).join(' · ')}
              </Typography.Text>
            </span>
          )}
          <DownOutlined style={{ fontSize: 10, flex: 'none' }} />
        </span>
      </Button>
    </Dropdown>
  );
}
