import { CalendarOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Popover, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import {
  type EvaluateResult,
  type Program,
  useEvaluateProgram,
  useGenerateEntitlements,
  usePrograms,
} from '../../api/programs';
import { useSession } from '../../api/queries';
import { ProgramDrawer } from './ProgramDrawer';
import { benefitText, eligibilityTexts } from './program-labels';

/** Programs and entitlements: the region's subsidies and service quotas as data. */
export default function ProgramsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('programs.manage');
  const programs = usePrograms();
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const [result, setResult] = useState<{ name: string; run: EvaluateResult } | null>(null);

  const columns: ColumnsType<Program> = [
    {
      title: t('programs.name'),
      dataIndex: 'name',
      width: 230,
      render: (name: string, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.regionPrefix}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('programs.eligibility'),
      dataIndex: 'eligibility',
      render: (_: unknown, p) =>
        eligibilityTexts(t, p.eligibility).map((text) => <Tag key={text}>{text}</Tag>),
    },
    {
      title: t('programs.benefit'),
      dataIndex: 'benefit',
      render: (_: unknown, p) => benefitText(t, p.benefit),
    },
    {
      title: t('programs.autoEnrol'),
      dataIndex: 'autoEnrol',
      width: 110,
      render: (auto: boolean) => (auto ? t('programs.enrolAuto') : t('programs.enrolOnApplication')),
    },
    {
      title: t('programs.counts'),
      width: 130,
      render: (_: unknown, p) => (
        <span data-testid="program-counts">
          {t('programs.countsText', { eligible: p.eligibleCount, enrolled: p.enrolledCount })}
        </span>
      ),
    },
    {
      title: t('programs.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => (
        <Tag color={s === 'active' ? 'green' : 'default'}>{t(`programs.statusName.${s}`)}</Tag>
      ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            width: 260,
            render: (_: unknown, p: Program) => (
              <ProgramActions
                program={p}
                onEdit={() => setEditing(p)}
                onEvaluated={(run) => setResult({ name: p.name, run })}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('programs.title')}
        </Typography.Title>
        <Space wrap>
          <Link to="/programs/coverage">{t('programs.coverage.title')}</Link>
          {manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="program-new"
            >
              {t('programs.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Alert type="info" showIcon title={t('programs.explain')} />
      {result && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setResult(null)}
          data-testid="program-evaluate-result"
          title={t('programs.evaluated', { name: result.name, ...result.run })}
        />
      )}
      {programs.error && <Alert type="error" showIcon title={programs.error.message} />}
      <Table
        rowKey="id"
        size="middle"
        loading={programs.isLoading}
        columns={columns}
        dataSource={programs.data?.items ?? []}
        scroll={{ x: 960 }}
        pagination={false}
        locale={{ emptyText: t('programs.empty') }}
        data-testid="programs-table"
      />
      <ProgramDrawer program={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}

/** Edit, evaluate the roster, write a month's entitlements. */
function ProgramActions({
  program,
  onEdit,
  onEvaluated,
}: {
  program: Program;
  onEdit: () => void;
  onEvaluated: (run: EvaluateResult) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const evaluate = useEvaluateProgram();
  const entitlements = useGenerateEntitlements();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [open, setOpen] = useState(false);
  const fail = (error: unknown) => message.error(isApiError(error) ? error.message : String(error));

  return (
    <Space wrap size="small">
      {program.editable && (
        <Button size="small" onClick={onEdit} data-testid="program-edit">
          {t('common.edit')}
        </Button>
      )}
      <Button
        size="small"
        icon={<PlayCircleOutlined />}
        loading={evaluate.isPending}
        disabled={program.status !== 'active'}
        onClick={() => evaluate.mutateAsync(program.id).then(onEvaluated, fail)}
        data-testid="program-evaluate"
      >
        {t('programs.evaluate')}
      </Button>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={t('programs.entitlementsFor')}
        content={
          <Space>
            <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && setMonth(m)} />
            <Button
              type="primary"
              loading={entitlements.isPending}
              data-testid="program-entitlements-run"
              onClick={() =>
                entitlements.mutateAsync({ id: program.id, month: month.format('YYYY-MM') }).then((r) => {
                  message.success(t('programs.entitlementsDone', { ...r }));
                  setOpen(false);
                }, fail)
              }
            >
              {t('common.ok')}
            </Button>
          </Space>
        }
      >
        <Button
          size="small"
          icon={<CalendarOutlined />}
          disabled={program.status !== 'active'}
          data-testid="program-entitlements"
        >
          {t('programs.entitlements')}
        </Button>
      </Popover>
    </Space>
  );
}
