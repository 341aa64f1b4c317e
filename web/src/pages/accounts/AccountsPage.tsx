import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountFilters, useAccounts, useRoles, useSession } from '../../api/queries';
import type { Account } from '../../api/types';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/labels';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { AccountActions } from './AccountActions';
import { AccountCreateDrawer } from './AccountCreateDrawer';

/** Accounts inside the caller's region: filter, page, create, disable/enable, reset, unlock. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const { account: me, can } = useSession();
  const [filters, setFilters] = useState<AccountFilters>({ page: 1, pageSize: 20 });
  const [createOpen, setCreateOpen] = useState(false);
  const accounts = useAccounts(filters);
  const roles = useRoles();
  const canManage = can('accounts.manage');

  const setFilter = (patch: Partial<AccountFilters>) =>
    setFilters((current) => ({ ...current, ...patch, page: 1 }));
  const [searchText, setSearchText] = useState('');
  const q = useDebouncedValue(searchText.trim(), 300);
  useEffect(() => {
    setFilters((current) =>
      current.q === (q || undefined) ? current : { ...current, q: q || undefined, page: 1 },
    );
  }, [q]);

  const columns: ColumnsType<Account> = [
    {
      title: t('account.user'),
      key: 'user',
      fixed: 'left',
      width: 170,
      render: (_, row) => (
        <div>
          <Typography.Text strong>{row.displayName}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.username}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('account.role'), dataIndex: 'role', width: 150, render: (role: string) => roleLabel(t, role) },
    {
      title: t('account.regionOrInstitution'),
      key: 'where',
      width: 200,
      render: (_, row) => (
        <div>
          <div>{row.institutionName ?? row.regionName ?? '—'}</div>
          {row.regionCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.regionCode}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('account.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (phone: string | null) => phone ?? '—',
    },
    {
      title: t('account.status'),
      key: 'status',
      width: 130,
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={row.status === 'active' ? 'green' : 'default'}>{t(`accountStatus.${row.status}`)}</Tag>
          {row.locked && <Tag color="red">{t('account.locked')}</Tag>}
          {row.mustChangePassword && <Tag color="gold">{t('account.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('account.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (value: string | null) => formatDateTime(value),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, row: Account) =>
              row.id === me.id ? null : <AccountActions account={row} />,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('accounts.title')}
        </Typography.Title>
        <ExportXlsxButton path="/api/accounts/export.xlsx" filters={filters} />
        {canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreateOpen(true)}
            data-testid="account-create"
          >
            {t('accounts.create')}
          </Button>
        )}
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12, width: '100%' }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('accounts.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            style={{ width: 240 }}
            data-testid="accounts-search"
          />
          <Select
            allowClear
            placeholder={t('account.role')}
            style={{ width: 180 }}
            value={filters.role}
            onChange={(role?: string) => setFilter({ role })}
            options={(roles.data?.items ?? []).map((r) => ({ value: r.role, label: roleLabel(t, r.role) }))}
            data-testid="accounts-role-filter"
          />
          <Select
            allowClear
            placeholder={t('account.status')}
            style={{ width: 140 }}
            value={filters.status}
            onChange={(status?: string) => setFilter({ status })}
            options={['active', 'disabled', 'locked'].map((s) => ({
              value: s,
              label: t(`accountStatus.${s}`),
            }))}
            data-testid="accounts-status-filter"
          />
        </Space>
        {accounts.isError && (
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={accounts.error.message} />
        )}
        <div data-testid="accounts-table">
          <Table<Account>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={accounts.data?.items ?? []}
            loading={accounts.isFetching}
            scroll={{ x: 1100 }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: accounts.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (page, pageSize) => setFilters((current) => ({ ...current, page, pageSize })),
            }}
          />
        </div>
      </Card>
      {createOpen && <AccountCreateDrawer open={createOpen} onClose={() => setCreateOpen(false)} />}
    </Space>
  );
}
