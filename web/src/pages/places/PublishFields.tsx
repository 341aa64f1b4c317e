import { DatePicker, Form, type FormInstance, Input, InputNumber, Select, Switch, TimePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLACE_SERVICES, type ServiceKey } from '../../api/places';
import type { ChildcareClass } from '../../api/types';
import { formLabel, serviceLabel } from './places-labels';
import { type PublishValues, pricingOf, usesSlots } from './publish-form';

/** The fields of the publish drawer; which appear follows the service and form chosen. */
export function PublishFields({
  form,
  services,
  classes,
}: {
  form: FormInstance<PublishValues>;
  services: ServiceKey[];
  classes: ChildcareClass[];
}) {
  const { t } = useTranslation();
  const service = Form.useWatch('service', form) as ServiceKey | undefined;
  const formCode = Form.useWatch('form', form) as string | undefined;
  const classId = Form.useWatch('classId', form) as string | undefined;
  const cls = classes.find((c) => c.id === classId);
  const forms = service ? PLACE_SERVICES[service].forms : [];
  const slots = usesSlots(service, formCode);

  return (
    <>
      <Form.Item name="service" label={t('places.publish.service')} rules={[{ required: true }]}>
        <Select
          options={services.map((s) => ({ value: s, label: serviceLabel(t, s) }))}
          data-testid="publish-service"
        />
      </Form.Item>
      <Form.Item name="form" label={t('places.publish.form')} rules={[{ required: true }]}>
        <Select
          options={forms.map((f) => ({ value: f, label: formLabel(t, f) }))}
          data-testid="publish-form"
        />
      </Form.Item>
      {service === 'childcare' && (
        <Form.Item
          name="classId"
          label={t('places.publish.class')}
          rules={[{ required: true, message: t('places.publish.classRequired') }]}
          extra={cls ? t('places.publish.classSize', { size: cls.capacity }) : undefined}
        >
          <Select
            options={classes.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('places.publish.noClasses')}
            data-testid="publish-class"
          />
        </Form.Item>
      )}
      {service === 'appointment' && (
        <Form.Item
          name="title"
          label={t('places.publish.appointmentTitle')}
          extra={t('places.publish.titleHint')}
        >
          <Input maxLength={100} data-testid="publish-title" />
        </Form.Item>
      )}
      {service === 'meal' && (
        <Form.Item name="dishes" label={t('places.publish.dishes')} extra={t('places.publish.dishesHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} data-testid="publish-dishes" />
        </Form.Item>
      )}
      <Form.Item
        name="range"
        label={t('places.publish.range')}
        rules={[{ required: true, message: t('places.publish.rangeRequired') }]}
        extra={t('places.publish.rangeHint')}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="publish-range" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item
          name="startsAt"
          label={t('places.publish.startsAt')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <TimePicker
            format="HH:mm"
            minuteStep={5}
            needConfirm={false}
            style={{ width: '100%' }}
            data-testid="publish-starts-at"
          />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label={t('places.publish.endsAt')}
          rules={[{ required: true }]}
          style={{ flex: 1 }}
        >
          <TimePicker
            format="HH:mm"
            minuteStep={5}
            needConfirm={false}
            style={{ width: '100%' }}
            data-testid="publish-ends-at"
          />
        </Form.Item>
      </div>
      {slots && (
        <Form.Item
          name="slotMinutes"
          label={t('places.publish.slotMinutes')}
          extra={t('places.publish.slotHint')}
          rules={formCode === 'hourly' ? [{ required: true, message: t('places.publish.slotRequired') }] : []}
        >
          <InputNumber
            min={15}
            max={240}
            step={15}
            precision={0}
            style={{ width: '100%' }}
            data-testid="publish-slot-minutes"
          />
        </Form.Item>
      )}
      <Form.Item
        name="capacity"
        label={slots ? t('places.publish.capacityPerSlot') : t('places.publish.capacity')}
        rules={[{ required: true, message: t('places.publish.capacityRequired') }]}
      >
        <InputNumber
          min={1}
          max={cls?.capacity ?? 500}
          precision={0}
          style={{ width: '100%' }}
          data-testid="publish-capacity"
        />
      </Form.Item>
      <Form.Item
        name="price"
        label={t(`places.publish.price.${pricingOf(formCode)}`)}
        extra={t('places.publish.priceHint')}
      >
        <InputNumber
          min={0}
          max={100000}
          precision={2}
          prefix="¥"
          style={{ width: '100%' }}
          data-testid="publish-price"
        />
      </Form.Item>
      <Form.Item
        name="cutoffMinutes"
        label={t('places.publish.cutoffMinutes')}
        extra={t('places.publish.cutoffHint', { minutes: formCode === 'hourly' ? 120 : 1440 })}
      >
        <InputNumber
          min={0}
          max={10080}
          precision={0}
          style={{ width: '100%' }}
          data-testid="publish-cutoff"
        />
      </Form.Item>
      <Form.Item
        name="includeRestDays"
        label={t('places.publish.includeRestDays')}
        valuePropName="checked"
        extra={t('places.publish.includeRestDaysHint')}
      >
        <Switch data-testid="publish-rest-days" />
      </Form.Item>
    </>
  );
}
