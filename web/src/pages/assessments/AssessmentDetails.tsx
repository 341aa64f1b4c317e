import { Card, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AssessmentForm, Reason } from '../../api/assessments';

export interface DetailValues {
  reason: Reason;
  assessedOn: string;
  minutes: number | null;
  notes: string;
}

/** Why and when: the reason ("first" only while the person has none), the day, time taken, notes. */
export function AssessmentDetails({
  form,
  value,
  onChange,
  hasHistory,
  firstDay,
  today,
  dateError,
}: {
  form: AssessmentForm;
  value: DetailValues;
  onChange: (next: DetailValues) => void;
  hasHistory: boolean;
  /** The person's 60th birthday: no earlier day may be chosen. */
  firstDay: string;
  today: string;
  dateError?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('assessmentRecords.details')} size="small">
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('assessmentRecords.reason')}
          extra={hasHistory ? t('assessmentRecords.firstTaken') : undefined}
        >
          <Radio.Group
            size="large"
            optionType="button"
            buttonStyle="solid"
            value={value.reason}
            onChange={(e) => onChange({ ...value, reason: e.target.value as Reason })}
            options={form.reasons.map((r) => ({
              value: r.key,
              label: r.name,
              disabled: r.key === 'first' && hasHistory,
            }))}
            data-testid="assessment-reason"
          />
        </Form.Item>
        <Form.Item
          label={t('assessmentRecords.assessedOn')}
          validateStatus={dateError ? 'error' : undefined}
          help={dateError}
        >
          <DatePicker
            size="large"
            allowClear={false}
            value={dayjs(value.assessedOn)}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < firstDay}
            onChange={(d) => d && onChange({ ...value, assessedOn: d.format('YYYY-MM-DD') })}
            data-testid="assessment-date"
          />
        </Form.Item>
        <Form.Item label={t('assessmentRecords.minutes')}>
          <InputNumber
            size="large"
            min={1}
            max={600}
            precision={0}
            value={value.minutes}
            onChange={(minutes) => onChange({ ...value, minutes: minutes ?? null })}
            data-testid="assessment-minutes"
          />
        </Form.Item>
        <Form.Item label={t('assessmentRecords.notes')}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={value.notes}
            onChange={(e) => onChange({ ...value, notes: e.target.value })}
            data-testid="assessment-notes"
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
