import { EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, del } from '../../api/client';
import { careKeys, useClasses, useStaff } from '../../api/institutions';
import type { Certificate, StaffMember } from '../../api/types';
import { codeLabel } from '../../lib/care-codes';
import { CertificateModal } from './CertificateModal';
import { DeleteLink } from './DeleteLink';
import { StaffDrawer } from './StaffDrawer';

/** How soon a certificate runs out: expired (red), within 30 days (orange), else fine. */
export function expiryState(
  cert: Pick<Certificate, 'expiresOn' | 'daysLeft'>,
): 'expired' | 'soon' | 'ok' | 'never' {
  if (!cert.expiresOn) return 'never';
  const days = cert.daysLeft ?? dayjs(cert.expiresOn).startOf('day').diff(dayjs().startOf('day'), 'day');
  if (days < 0) return 'expired';
  return days <= 30 ? 'soon' : 'ok';
}

const EXPIRY_COLORS = { expired: 'red', soon: 'orange', ok: 'green', never: 'default' } as const;

/** Staff with their certificates (expiry tags) and the rule findings about each; editable by the admin. */
export function StaffPanel({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const staff = useStaff(institutionId);
  const classes = useClasses(institutionId);
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  const [certFor, setCertFor] = useState<StaffMember | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institutionId) });
  const onError = (error: ApiError) => message.error(error.message);

  const removeStaff = useMutation<void, ApiError, string>({
    mutationFn: (id) => del(`/api/staff/${id}`),
    onSuccess: async () => {
      message.success(t('staff.deleted'));
      await refresh();
    },
    onError,
  });
  const removeCert = useMutation<void, ApiError, string>({
    mutationFn: (id) => del(`/api/certificates/${id}`),
    onSuccess: async () => {
      message.success(t('staff.certificateDeleted'));
      await refresh();
    },
    onError,
  });

  const certTag = (cert: Certificate) => {
    const state = expiryState(cert);
    return (
      <Tooltip
        key={cert.id}
        title={[
          cert.number,
          cert.expiresOn ? t('staff.expiresOn', { date: cert.expiresOn }) : t('staff.noExpiry'),
        ]
          .filter(Boolean)
          .join(' · ')}
      >
        <Tag
          color={EXPIRY_COLORS[state]}
          closable={canManage}
          data-testid="certificate-tag"
          data-expiry={state}
          onClose={(event) => {
            event.preventDefault();
            modal.confirm({
              title: t('staff.confirmDeleteCertificate', { kind: codeLabel(t, 'certificate', cert.kind) }),
              okText: t('common.ok'),
              cancelText: t('common.cancel'),
              onOk: () => removeCert.mutateAsync(cert.id).catch(() => undefined),
            });
          }}
        >
          {cert.kindName || codeLabel(t, 'certificate', cert.kind)}
          {state === 'expired' ? ` · ${t('staff.expired')}` : state === 'soon' ? ` · ${cert.expiresOn}` : ''}
        </Tag>
      </Tooltip>
    );
  };

  const className = (id: string | null) => classes.data?.find((c) => c.id === id)?.name ?? '—';
  const columns: ColumnsType<StaffMember> = [
    { title: t('staff.name'), dataIndex: 'name', fixed: wide ? 'left' : undefined, width: 110 },
    {
      title: t('staff.role'),
      dataIndex: 'role',
      width: 120,
      render: (v: string) => codeLabel(t, 'staffRole', v),
    },
    {
      title: t('staff.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: string) => (
        <Tag color={v === 'active' ? 'green' : 'default'}>
          {t(`staff.statusValue.${v}`, { defaultValue: v })}
        </Tag>
      ),
    },
    { title: t('staff.idNumber'), dataIndex: 'idNumber', width: 180, render: (v: string | null) => v ?? '—' },
    { title: t('staff.phone'), dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('staff.class'),
      dataIndex: 'classId',
      width: 100,
      render: (v: string | null, row) => row.className ?? className(v),
    },
    {
      title: t('staff.certificates'),
      key: 'certificates',
      width: 300,
      render: (_, row) =>
        row.certificates.length ? (
          <Space size={[4, 4]} wrap>
            {row.certificates.map(certTag)}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('staff.warnings'),
      key: 'warnings',
      width: 260,
      render: (_, row) =>
        row.warnings.length ? (
          <div data-testid="staff-warnings">
            {row.warnings.map((w) => (
              <div key={`${w.rule}-${w.message}`}>
                <Typography.Text
                  type={w.severity === 'error' ? 'danger' : 'warning'}
                  style={{ fontSize: 12 }}
                >
                  {w.message}
                </Typography.Text>
              </div>
            ))}
          </div>
        ) : (
          <Tag color="green">{t('staff.noWarnings')}</Tag>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: wide ? ('right' as const) : undefined,
            width: 150,
            render: (_: unknown, row: StaffMember) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(row)}
                  data-testid="staff-edit"
                >
                  {t('common.edit')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => setCertFor(row)}
                  data-testid="staff-add-certificate"
                >
                  {t('staff.addCertificate')}
                </Button>
                <DeleteLink
                  title={t('staff.confirmDelete', { name: row.name })}
                  onConfirm={() => removeStaff.mutateAsync(row.id)}
                  testId="staff-delete"
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {canManage && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="staff-create"
        >
          {t('staff.create')}
        </Button>
      )}
      {staff.isError && <Alert type="error" showIcon title={staff.error.message} />}
      <div data-testid="staff-table">
        <Table<StaffMember>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={staff.data ?? []}
          loading={staff.isFetching}
          pagination={false}
          scroll={{ x: 1440 }}
        />
      </div>
      {editing && (
        <StaffDrawer
          institutionId={institutionId}
          current={editing === 'new' ? null : editing}
          classes={classes.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {certFor && (
        <CertificateModal staff={certFor} institutionId={institutionId} onClose={() => setCertFor(null)} />
      )}
    </Space>
  );
}
