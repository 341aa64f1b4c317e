import { Alert, Button, Drawer, Form, Grid, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorField } from '../../api/client';
import { useClasses } from '../../api/institutions';
import { type PublishResult, servicesOfKind, usePublishOffers } from '../../api/places';
import type { Institution } from '../../api/types';
import { PublishFields } from './PublishFields';
import { PublishResultView } from './PublishResultView';
import { FORM_DEFAULTS, type PublishValues, publishFieldOf, timeOf, toPublishInput } from './publish-form';

/**
 * 发布名额: publish places for a range of care days (one offer per day, or per slot for hourly care
 * and appointments), then show what was created, updated and skipped (with the reason per day).
 */
export function PublishDrawer({
  institution,
  firstDay,
  onClose,
}: {
  institution: Institution;
  firstDay?: Dayjs;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<PublishValues>();
  const services = servicesOfKind(institution.kind);
  const childcare = services.includes('childcare');
  const classes = useClasses(institution.id);
  const publish = usePublishOffers(institution.id);
  const [result, setResult] = useState<PublishResult | null>(null);

  const service = services[0] ?? 'childcare';
  const initialForm = service === 'childcare' ? 'full_day' : service === 'meal' ? 'lunch' : 'consultation';
  const defaults = FORM_DEFAULTS[initialForm]!;
  const start = firstDay ?? dayjs().add(1, 'day');
  const initialValues: Partial<PublishValues> = {
    service,
    form: initialForm,
    range: [start, start.add(13, 'day')],
    startsAt: timeOf(defaults.startsAt),
    endsAt: timeOf(defaults.endsAt),
    slotMinutes: defaults.slotMinutes,
    includeRestDays: false,
  };

  const submit = (values: PublishValues) => {
    publish.mutate(toPublishInput(values), {
      onSuccess: (r) => setResult(r),
      onError: (error) => {
        const name = publishFieldOf(errorField(error));
        if (name) form.setFields([{ name, errors: [error.message] }]);
      },
    });
  };
  const unplaced = publish.error && !publishFieldOf(errorField(publish.error)) ? publish.error : null;

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('places.publish.title')}
      size={screens.md ? 560 : '100%'}
      data-testid="publish-drawer"
      footer={
        result ? (
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={() => setResult(null)} data-testid="publish-again">
              {t('places.publish.again')}
            </Button>
            <Button type="primary" onClick={onClose} data-testid="publish-done">
              {t('places.publish.done')}
            </Button>
          </Space>
        ) : (
          <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={publish.isPending}
              onClick={() => form.submit()}
              disabled={services.length === 0}
              data-testid="publish-submit"
            >
              {t('places.publish.submit')}
            </Button>
          </Space>
        )
      }
    >
      {services.length === 0 && (
        <Alert type="warning" showIcon title={t('places.publish.noServices')} style={{ marginBottom: 16 }} />
      )}
      {result ? (
        <PublishResultView result={result} />
      ) : (
        <>
          {unplaced && (
            <Alert
              type="error"
              showIcon
              title={unplaced.message}
              style={{ marginBottom: 16 }}
              data-testid="publish-error"
              data-code={unplaced.code}
            />
          )}
          <Form<PublishValues>
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onFinish={submit}
            onValuesChange={(changed: Partial<PublishValues>) => {
              if (changed.service) {
                const nextForm =
                  changed.service === 'childcare'
                    ? 'full_day'
                    : changed.service === 'meal'
                      ? 'lunch'
                      : 'consultation';
                form.setFieldValue('form', nextForm);
                changed.form = nextForm;
              }
              if (changed.form) {
                const d = FORM_DEFAULTS[changed.form];
                if (d) {
                  form.setFieldsValue({
                    startsAt: timeOf(d.startsAt),
                    endsAt: timeOf(d.endsAt),
                    slotMinutes: d.slotMinutes ?? null,
                  });
                }
              }
            }}
          >
            <PublishFields form={form} services={services} classes={childcare ? (classes.data ?? []) : []} />
          </Form>
        </>
      )}
    </Drawer>
  );
}
