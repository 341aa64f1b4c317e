import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  List,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OverdueItem, useContacts, useOverdue, useRecordContact } from '../../api/care';
import { errorField, isApiError } from '../../api/client';
import { EChart } from '../../components/charts/EChart';

/** The duty-of-care queue: older people overdue for a visit or call, most overdue first. */
export default function DutyOfCarePage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [person, setPerson] = useState<OverdueItem | null>(null);
  const overdue = useOverdue({ page, pageSize: 20 });
  const data = overdue.data;

  const chart = useMemo(() => {
    const rows = (data?.byCommunity ?? []).slice(0, 15).reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.regionName ?? r.regionCode) },
      series: [{ type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#d4380d' } }],
    };
  }, [data]);

  const columns: ColumnsType<OverdueItem> = [
    {
      title: t('duty.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button
          type="link"
          onClick={() => setPerson(row)}
          data-testid="duty-person"
          data-person-id={row.personId}
        >
          {name}
        </Button>
      ),
    },
    { title: t('duty.age'), dataIndex: 'age', width: 70 },
    {
      title: t('duty.flags'),
      dataIndex: 'flags',
      render: (flags: string[]) =>
        flags.map((f) => <Tag key={f}>{t(`duty.flag.${f}`, { defaultValue: f })}</Tag>),
    },
    {
      title: t('duty.everyDays'),
      dataIndex: 'everyDays',
      width: 110,
      render: (n: number) => t('duty.days', { count: n }),
    },
    {
      title: t('duty.lastContact'),
      dataIndex: 'lastContactOn',
      width: 120,
      render: (d: string | null) => d ?? t('duty.never'),
    },
    {
      title: t('duty.overdue'),
      dataIndex: 'daysOverdue',
      width: 110,
      render: (n: number) => (
        <Tag color={n > 7 ? 'red' : n > 0 ? 'orange' : 'gold'} data-testid="duty-overdue-days">
          {n > 0 ? t('duty.overdueDays', { count: n }) : t('duty.dueToday')}
        </Tag>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('duty.title')}</Typography.Title>
      <Alert type="info" showIcon message={t('duty.explain')} />
      {data && data.byCommunity.length > 1 && (
        <Card size="small" title={t('duty.byCommunity')}>
          <EChart
            option={chart}
            height={Math.max(160, Math.min(15, data.byCommunity.length) * 28)}
            testId="duty-chart"
          />
        </Card>
      )}
      <Table
        rowKey="personId"
        size="middle"
        loading={overdue.isLoading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        locale={{ emptyText: t('duty.empty') }}
        data-testid="duty-table"
      />
      <ContactDrawer person={person} onClose={() => setPerson(null)} />
    </Space>
  );
}

function ContactDrawer({ person, onClose }: { person: OverdueItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const contacts = useContacts(person?.personId ?? null);
  const record = useRecordContact(person?.personId ?? null);

  async function submit(values: { kind: string; contactedOn: dayjs.Dayjs; outcome: string; notes?: string }) {
    try {
      await record.mutateAsync({ ...values, contactedOn: values.contactedOn.format('YYYY-MM-DD') });
      form.resetFields();
      onClose();
    } catch (error) {
      if (isApiError(error)) {
        const field = errorField(error);
        if (field) form.setFields([{ name: field, errors: [error.message] }]);
        else form.setFields([{ name: 'notes', errors: [error.message] }]);
      }
    }
  }

  return (
    <Drawer
      open={Boolean(person)}
      onClose={onClose}
      title={person?.name}
      width={Math.min(480, window.innerWidth)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'home_visit', outcome: 'well', contactedOn: dayjs() }}
      >
        <Form.Item name="kind" label={t('duty.kind')}>
          <Radio.Group optionType="button">
            <Radio value="home_visit">{t('duty.kindHomeVisit')}</Radio>
            <Radio value="phone_call">{t('duty.kindPhoneCall')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="contactedOn" label={t('duty.contactedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="outcome" label={t('duty.outcome')}>
          <Radio.Group>
            <Radio value="well">{t('duty.outcomeWell')}</Radio>
            <Radio value="needs_help">{t('duty.outcomeNeedsHelp')}</Radio>
            <Radio value="not_reached">{t('duty.outcomeNotReached')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="notes" label={t('duty.notes')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} block data-testid="duty-record">
          {t('duty.record')}
        </Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('duty.history')}
      </Typography.Title>
      <List
        loading={contacts.isLoading}
        dataSource={contacts.data?.items ?? []}
        locale={{ emptyText: t('duty.noHistory') }}
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={`${c.contactedOn} · ${c.kind === 'home_visit' ? t('duty.kindHomeVisit') : t('duty.kindPhoneCall')}`}
              description={`${t(`duty.outcomeLabel.${c.outcome}`)}${c.notes ? ` — ${c.notes}` : ''}${c.byName ? ` · ${c.byName}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
