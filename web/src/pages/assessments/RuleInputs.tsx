import { Card, InputNumber, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentForm, RiskEventKind } from '../../api/assessments';

export interface RuleValues {
  coma: boolean;
  dementia: boolean;
  /** Care-risk events in the last 30 days, per kind. */
  riskCounts: Partial<Record<RiskEventKind, number>>;
}

/** The inputs of the final-grade rules: coma, diagnosed dementia, care-risk events in 30 days. */
export function RuleInputs({
  form,
  value,
  onChange,
}: {
  form: AssessmentForm;
  value: RuleValues;
  onChange: (next: RuleValues) => void;
}) {
  const { t } = useTranslation();
  const row = { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 } as const;
  return (
    <Card title={t('assessmentRecords.rules')} size="small">
      <Space orientation="vertical" size={14} style={{ width: '100%' }}>
        <label style={row} htmlFor="assessment-rule-coma">
          <Typography.Text style={{ fontSize: 16 }}>{t('assessmentRecords.coma')}</Typography.Text>
          <Switch
            id="assessment-rule-coma"
            checked={value.coma}
            onChange={(coma) => onChange({ ...value, coma })}
            data-testid="rule-coma"
          />
        </label>
        <label style={row} htmlFor="assessment-rule-dementia">
          <Typography.Text style={{ fontSize: 16 }}>{t('assessmentRecords.dementia')}</Typography.Text>
          <Switch
            id="assessment-rule-dementia"
            checked={value.dementia}
            onChange={(dementia) => onChange({ ...value, dementia })}
            data-testid="rule-dementia"
          />
        </label>
        <div>
          <Typography.Text style={{ fontSize: 16 }}>{t('assessmentRecords.riskEvents')}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('assessmentRecords.riskEventsHint', { threshold: form.rules.riskEventThreshold })}
          </Typography.Text>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
              gap: 8,
              marginTop: 8,
            }}
          >
            {form.riskEvents.map((kind) => (
              <label key={kind.key} style={row} htmlFor={`assessment-risk-${kind.key}`}>
                <span>{kind.name}</span>
                <InputNumber
                  id={`assessment-risk-${kind.key}`}
                  size="large"
                  min={0}
                  max={30}
                  precision={0}
                  mode="spinner"
                  value={value.riskCounts[kind.key] ?? 0}
                  onChange={(n) =>
                    onChange({ ...value, riskCounts: { ...value.riskCounts, [kind.key]: n ?? 0 } })
                  }
                  style={{ width: 130 }}
                  data-testid={`risk-${kind.key}`}
                />
              </label>
            ))}
          </div>
        </div>
      </Space>
    </Card>
  );
}
