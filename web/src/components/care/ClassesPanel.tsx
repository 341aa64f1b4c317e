import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, del } from '../../api/client';
import { careKeys, useClasses } from '../../api/institutions';
import type { ChildcareClass } from '../../api/types';
import { codeLabel } from '../../lib/care-codes';
import { ClassModal } from './ClassModal';
import { DeleteLink } from './DeleteLink';

/** An institution's childcare classes with size and carer-ratio checks; editable by its admin. */
export function ClassesPanel({
  institutionId,
  regionCode,
  canManage,
}: {
  institutionId: string;
  regionCode: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md !== false;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const classes = useClasses(institutionId);
  const [editing, setEditing] = useState<ChildcareClass | 'new' | null>(null);

  const remove = useMutation<void, ApiError, string>({
    mutationFn: (id) => del(`/api/classes/${id}`),
    onSuccess: async () => {
      message.success(t('classes.deleted'));
      await queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institutionId) });
    },
    onError: (error) => message.error(error.message),
  });

  const columns: ColumnsType<ChildcareClass> = [
    { title: t('classes.name'), dataIndex: 'name', fixed: wide ? 'left' : undefined, width: 130 },
    {
      title: t('classes.type'),
      dataIndex: 'type',
      width: 120,
      render: (v: string) => codeLabel(t, 'classType', v),
    },
    {
      title: t('classes.enrolledOfCapacity'),
      key: 'size',
      width: 120,
      render: (_, row) => (
        <Typography.Text type={row.enrolled > row.capacity ? 'danger' : undefined}>
          {row.enrolled} / {row.capacity}
        </Typography.Text>
      ),
    },
    {
      title: t('classes.carers'),
      dataIndex: 'carers',
      width: 150,
      render: (carers: ChildcareClass['carers']) =>
        carers.length ? (
          carers.map((c) => c.name).join('、')
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('classes.ratio'),
      key: 'ratio',
      width: 190,
      render: (_, row) => (
        <Tooltip title={t('classes.ratioRule', { n: row.limits.childrenPerCarer })}>
          <Tag
            color={row.ratio.ok ? 'green' : 'red'}
            data-testid="class-ratio"
            data-ok={row.ratio.ok ? 'true' : 'false'}
          >
            {row.ratio.ok
              ? t('classes.ratioOk', { present: row.ratio.present, required: row.ratio.required })
              : t('classes.ratioShort', { present: row.ratio.present, required: row.ratio.required })}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: t('classes.limits'),
      key: 'limits',
      width: 220,
      render: (_, row) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('classes.limitsValue', {
            max: row.limits.maxSize,
            min: row.limits.minAgeMonths,
            maxAge: row.limits.maxAgeMonths,
            n: row.limits.childrenPerCarer,
          })}
        </Typography.Text>
      ),
    },
    { title: t('classes.room'), dataIndex: 'room', width: 100, render: (v: string | null) => v ?? '—' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: wide ? ('right' as const) : undefined,
            width: 150,
            render: (_: unknown, row: ChildcareClass) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(row)}
                  data-testid="class-edit"
                >
                  {t('common.edit')}
                </Button>
                <DeleteLink
                  title={t('classes.confirmDelete', { name: row.name })}
                  onConfirm={() => remove.mutateAsync(row.id)}
                  testId="class-delete"
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
          data-testid="class-create"
        >
          {t('classes.create')}
        </Button>
      )}
      {classes.isError && <Alert type="error" showIcon title={classes.error.message} />}
      <div data-testid="classes-table">
        <Table<ChildcareClass>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={classes.data ?? []}
          loading={classes.isFetching}
          pagination={false}
          scroll={{ x: 1000 }}
        />
      </div>
      {editing && (
        <ClassModal
          institutionId={institutionId}
          regionCode={regionCode}
          current={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}
