import { Alert, type ButtonProps, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExpectedChild, HealthCheckInput } from '../../api/attendance';

interface Values {
  temperature: number;
  result: 'normal' | 'abnormal';
  findings?: string;
}

/** The morning or midday check (晨午检): temperature, result, findings when abnormal. */
export function HealthCheckModal({
  child,
  check,
  loading,
  error,
  onSubmit,
  onClose,
}: {
  child: ExpectedChild;
  check: 'morning' | 'midday';
  loading: boolean;
  error: string | null;
  onSubmit: (input: HealthCheckInput) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch('result', form);
  const previous = child.record?.[check === 'morning' ? 'morningCheck' : 'middayCheck'];
  return (
    <Modal
      open
      title={t('attendance.checkTitle', { name: child.name, check: t(`attendance.check.${check}`) })}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'health-check-ok' } as ButtonProps}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          temperature: previous?.temperature ?? 36.5,
          result: previous?.result ?? 'normal',
          findings: previous?.findings ?? undefined,
        }}
        onFinish={(v) =>
          onSubmit({
            memberId: child.memberId,
            check,
            temperature: v.temperature,
            result: v.result,
            ...(v.result === 'abnormal' ? { findings: v.findings } : {}),
          })
        }
      >
        <Form.Item
          name="temperature"
          label={t('attendance.temperature')}
          rules={[
            { required: true, type: 'number', min: 34, max: 43, message: t('attendance.temperatureRule') },
          ]}
        >
          <InputNumber min={34} max={43} step={0.1} precision={1} suffix="℃" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="result" label={t('attendance.result')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'normal', label: t('attendance.normal') },
              { value: 'abnormal', label: t('attendance.abnormal') },
            ]}
          />
        </Form.Item>
        {result === 'abnormal' && (
          <Form.Item
            name="findings"
            label={t('attendance.findings')}
            extra={t('attendance.familyTold')}
            rules={[{ required: true, whitespace: true, message: t('attendance.findingsRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
