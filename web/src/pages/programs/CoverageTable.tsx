import { App, Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  type CoverageFilters,
  type CoverageItem,
  type CoverageList,
  useCoveragePeople,
  useEndEnrolment,
  useEnrol,
} from '../../api/programs';
import { useSession } from '../../api/queries';
import { reasonText } from './program-labels';

/** One list of the coverage report, page by page; officials who manage programs can act on a row. */
export function CoverageTable({ filters, list }: { filters: CoverageFilters; list: CoverageList }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const people = useCoveragePeople({ ...filters, list, page, pageSize: 20 });
  const enrol = useEnrol();
  const end = useEndEnrolment();
  const fail = (error: unknown) => message.error(isApiError(error) ? error.message : String(error));

  const action = (row: CoverageItem) => {
    if (!can('programs.manage')) return null;
    if (list === 'eligible_not_enrolled')
      return (
        <Button
          size="small"
          loading={enrol.isPending}
          data-testid="coverage-enrol"
          onClick={() =>
            enrol
              .mutateAsync({ programId: row.programId, personId: row.personId })
              .then(() => message.success(t('programs.coverage.enrolled', { name: row.name })), fail)
          }
        >
          {t('programs.coverage.enrol')}
        </Button>
      );
    if (list === 'enrolled_not_eligible' && row.enrolmentId)
      return (
        <Button
          size="small"
          danger
          loading={end.isPending}
          data-testid="coverage-end"
          onClick={() =>
            end
              .mutateAsync({
                programId: row.programId,
                enrolmentId: row.enrolmentId!,
                reason: 'no_longer_eligible',
              })
              .then(() => message.success(t('programs.coverage.ended', { name: row.name })), fail)
          }
        >
          {t('programs.coverage.end')}
        </Button>
      );
    return null;
  };

  const columns: ColumnsType<CoverageItem> = [
    { title: t('programs.coverage.name'), dataIndex: 'name', width: 100 },
    { title: t('programs.coverage.idNumber'), dataIndex: 'idNumber', width: 190 },
    { title: t('programs.coverage.region'), dataIndex: 'regionCode', width: 130 },
    { title: t('programs.coverage.program'), dataIndex: 'programName' },
    {
      title: t('programs.coverage.enrolledOn'),
      dataIndex: 'enrolledOn',
      width: 110,
      render: (d: string | null) => d ?? '—',
    },
    ...(list === 'enrolled_not_eligible'
      ? [
          {
            title: t('programs.coverage.failed'),
            dataIndex: 'failed',
            render: (failed: string[]) => failed.map((r) => <Tag key={r}>{reasonText(t, r).text}</Tag>),
          },
        ]
      : []),
    { title: t('common.actions'), width: 110, render: (_: unknown, row: CoverageItem) => action(row) },
  ];

  return (
    <Table
      rowKey={(row) => `${row.programId}/${row.personId}`}
      size="middle"
      loading={people.isLoading}
      columns={columns}
      dataSource={people.data?.items ?? []}
      scroll={{ x: 820 }}
      pagination={{
        current: page,
        pageSize: 20,
        total: people.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      locale={{ emptyText: t('programs.coverage.none') }}
      data-testid={`coverage-list-${list}`}
    />
  );
}
