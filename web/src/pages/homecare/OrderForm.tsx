import { Alert, App, Button, Card, DatePicker, Form, Input, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorField, isApiError } from '../../api/client';
import { type RosterHit, useMenu, useOrderActions, useProviders, useRosterSearch } from '../../api/homecare';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { money } from './labels';

interface Values {
  personId: string;
  itemId: string;
  providerId: string;
  scheduledOn: Dayjs;
  startsAt?: Dayjs | null;
  notes?: string;
}

/** The official's order form: a person from the roster, an item of their area's menu, a provider offering it, a day. */
export function OrderForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const roster = useRosterSearch(q);
  const [person, setPerson] = useState<RosterHit | null>(null);
  const menu = useMenu(person?.regionCode);
  const itemId = Form.useWatch('itemId', form);
  const providers = useProviders(itemId, !!itemId);
  const { create } = useOrderActions();

  const submit = (values: Values) =>
    create.mutate(
      {
        personId: values.personId,
        itemId: values.itemId,
        providerId: values.providerId,
        scheduledOn: values.scheduledOn.format('YYYY-MM-DD'),
        startsAt: values.startsAt ? values.startsAt.format('HH:mm') : null,
        notes: values.notes || null,
      },
      {
        onSuccess: () => {
          message.success(t('homecare.orderCreated'));
          form.resetFields(['itemId', 'providerId', 'notes']);
        },
        onError: (error) => {
          const field = isApiError(error) ? errorField(error) : undefined;
          if (field) form.setFields([{ name: field as keyof Values, errors: [error.message] }]);
        },
      },
    );

  return (
    <Card size="small" title={t('homecare.newOrder')}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ scheduledOn: dayjs() }}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="personId" label={t('homecare.person')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setText }}
            loading={roster.isFetching}
            placeholder={t('homecare.personSearch')}
            onChange={(id: string) => {
              setPerson(roster.data?.items.find((p) => p.id === id) ?? null);
              form.resetFields(['itemId', 'providerId']);
            }}
            options={(roster.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} · ${t('homecare.age', { count: p.age })} · ${p.idNumber}`,
            }))}
            data-testid="order-person"
          />
        </Form.Item>
        <Form.Item name="itemId" label={t('homecare.item')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!person}
            loading={menu.isFetching}
            onChange={() => form.resetFields(['providerId'])}
            options={(menu.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.name}（${t(`homecare.category.${i.category}`)}，${t('homecare.minutes', { count: i.durationMinutes })}，${money(i.price)}）`,
            }))}
            data-testid="order-item"
          />
        </Form.Item>
        <Form.Item name="providerId" label={t('homecare.provider')} rules={[{ required: true }]}>
          <Select
            disabled={!itemId}
            loading={providers.isFetching}
            options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            notFoundContent={t('homecare.noProviders')}
            data-testid="order-provider"
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="scheduledOn" label={t('homecare.day')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} data-testid="order-day" />
          </Form.Item>
          <Form.Item name="startsAt" label={t('homecare.startsAt')}>
            <TimePicker format="HH:mm" minuteStep={5} data-testid="order-time" />
          </Form.Item>
        </div>
        <Form.Item name="notes" label={t('homecare.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {create.isError && !errorField(create.error) && (
          <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="order-submit">
          {t('homecare.placeOrder')}
        </Button>
      </Form>
    </Card>
  );
}
