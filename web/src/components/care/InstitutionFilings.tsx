import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, post } from '../../api/client';
import { careKeys, useFiling, useInstitutionFilings } from '../../api/institutions';
import type { Filing, Institution } from '../../api/types';
import { codeLabel, FILING_STATUS_COLORS } from '../../lib/care-codes';
import { formatDateTime } from '../../lib/format';
import { PageLoading } from '../PageLoading';
import { FilingPanel } from './FilingPanel';

const CLOSED = new Set(['filed', 'withdrawn']);

/**
 * An institution's filings: the open one (or the one picked from the history) in full, and for
 * the institution itself a way to start a filing when none is open.
 */
export function InstitutionFilings({
  institution,
  side,
  canManage,
}: {
  institution: Institution;
  side: 'institution' | 'authority';
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const filings = useInstitutionFilings(institution.id);
  const list = filings.data ?? [];
  const open = list.find((f) => !CLOSED.has(f.status));
  const [picked, setPicked] = useState<string | null>(null);
  const shownId = picked ?? open?.id ?? institution.currentFiling?.id ?? list[0]?.id ?? null;
  const filing = useFiling(shownId);
  const filed = institution.status === 'filed';
  const [kind, setKind] = useState<string>(filed ? 'change' : 'initial');

  const create = useMutation<Filing, ApiError, string>({
    mutationFn: (k) => post<Filing>(`/api/institutions/${institution.id}/filings`, { kind: k }),
    onSuccess: async (created) => {
      message.success(t('filing.created'));
      setPicked(created.id);
      queryClient.setQueryData(careKeys.filing(created.id), created);
      await queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institution.id) });
      await queryClient.invalidateQueries({ queryKey: careKeys.institution(institution.id) });
    },
  });

  if (filings.isPending) return <PageLoading />;
  if (filings.isError) return <Alert type="error" showIcon title={filings.error.message} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {side === 'institution' && canManage && !open && (
        <Space wrap>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 160 }}
            options={(filed ? ['change', 'deregistration'] : ['initial']).map((k) => ({
              value: k,
              label: codeLabel(t, 'filingKind', k),
            }))}
            data-testid="filing-kind"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={() => create.mutate(kind)}
            data-testid="filing-create"
          >
            {t('filing.create')}
          </Button>
        </Space>
      )}
      {create.error && <Alert type="error" showIcon title={create.error.message} />}
      {filing.data ? (
        <FilingPanel
          filing={filing.data}
          side={side}
          uploadTo={side === 'institution' && canManage ? institution.id : undefined}
        />
      ) : filing.isFetching ? (
        <PageLoading />
      ) : (
        <Empty description={t('filing.none')} />
      )}
      {filing.error && <Alert type="error" showIcon title={filing.error.message} />}
      {list.length > 1 && (
        <Table<Filing>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={list}
          scroll={{ x: 560 }}
          title={() => t('filing.history')}
          onRow={(row) => ({ onClick: () => setPicked(row.id), style: { cursor: 'pointer' } })}
          rowClassName={(row) => (row.id === shownId ? 'ant-table-row-selected' : '')}
          columns={[
            {
              title: t('filing.kind'),
              dataIndex: 'kind',
              render: (v: string) => codeLabel(t, 'filingKind', v),
            },
            {
              title: t('filing.status'),
              dataIndex: 'status',
              render: (v: string) => (
                <Tag color={FILING_STATUS_COLORS[v]}>{codeLabel(t, 'filingStatus', v)}</Tag>
              ),
            },
            {
              title: t('filing.submittedAt'),
              dataIndex: 'submittedAt',
              render: (v: string | null) => formatDateTime(v),
            },
            { title: t('filing.roundColumn'), dataIndex: 'round', width: 80 },
          ]}
        />
      )}
    </Space>
  );
}
