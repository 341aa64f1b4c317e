import { Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormItem } from '../../api/assessments';
import { itemAnchor } from './assessment-form';

/**
 * One item of the form: its number and name, and one large radio button per score with the
 * level's wording (items without the common 0–4 scale show the points only). Big enough to tap.
 */
export function AssessmentItemField({
  item,
  value,
  error,
  onChange,
}: {
  item: FormItem;
  value: number | undefined;
  error?: string;
  onChange: (score: number) => void;
}) {
  const { t } = useTranslation();
  const levels =
    item.levels ?? Array.from({ length: item.max + 1 }, (_, i) => ({ score: item.max - i, meaning: '' }));
  return (
    <div
      id={itemAnchor(item.key)}
      style={{
        padding: '12px 0',
        borderBottom: '1px solid #f0f0f0',
        scrollMarginTop: 140,
        ...(error ? { background: '#fff2f0' } : {}),
      }}
    >
      <div style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {item.number} {item.name}
        </Typography.Text>{' '}
        <Typography.Text type="secondary">{t('assessmentRecords.range', { max: item.max })}</Typography.Text>
      </div>
      <Radio.Group
        value={value}
        onChange={(e) => onChange(e.target.value as number)}
        optionType="button"
        buttonStyle="solid"
        size="large"
        data-testid="assessment-item"
        data-item={item.key}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
          gap: 8,
          width: '100%',
        }}
      >
        {levels.map((level) => (
          <Radio.Button
            key={level.score}
            value={level.score}
            style={{
              height: 'auto',
              minHeight: 52,
              lineHeight: 1.3,
              padding: '8px 12px',
              borderRadius: 8,
              borderInlineStartWidth: 1,
              whiteSpace: 'normal',
              display: 'flex',
              alignItems: 'center',
            }}
          >
            <span
              data-testid={`item-${item.key}-${level.score}`}
              style={{ display: 'flex', alignItems: 'center' }}
            >
              <span style={{ fontSize: 20, fontWeight: 600, marginInlineEnd: 8 }}>{level.score}</span>
              <span>{level.meaning || t('assessmentRecords.pointsUnit')}</span>
            </span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {error && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 6 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
