import { Form, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Benefit } from '../../api/programs';

/** The fields of the chosen kind of benefit (money in yuan, two decimals). */
export function BenefitFields({ kind }: { kind: Benefit['kind'] | undefined }) {
  const { t } = useTranslation();
  const money = (name: string, label: string) => (
    <Form.Item name={['benefit', name]} label={label} rules={[{ required: true }]}>
      <InputNumber
        min={0}
        max={100000}
        precision={2}
        step={10}
        addonAfter="¥"
        data-testid={`program-${name}`}
      />
    </Form.Item>
  );
  switch (kind) {
    case 'monthly_amount':
      return money('amount', t('programs.amount'));
    case 'service_quota':
      return (
        <>
          <Form.Item
            name={['benefit', 'minutesPerMonth']}
            label={t('programs.minutesPerMonth')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={44640} precision={0} data-testid="program-minutes" />
          </Form.Item>
          <Form.Item name={['benefit', 'items']} label={t('programs.items')} extra={t('programs.itemsHint')}>
            <Select mode="tags" allowClear />
          </Form.Item>
        </>
      );
    case 'cost_share':
      return (
        <Space wrap>
          <Form.Item name={['benefit', 'percent']} label={t('programs.percent')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} precision={0} addonAfter="%" />
          </Form.Item>
          {money('capPerMonth', t('programs.capPerMonth'))}
        </Space>
      );
    case 'meal_discount':
      return (
        <Space wrap>
          {money('perMeal', t('programs.perMeal'))}
          <Form.Item
            name={['benefit', 'mealsPerMonth']}
            label={t('programs.mealsPerMonth')}
            extra={t('programs.mealsPerMonthHint')}
          >
            <InputNumber min={1} max={93} precision={0} />
          </Form.Item>
        </Space>
      );
    default:
      return null;
  }
}
