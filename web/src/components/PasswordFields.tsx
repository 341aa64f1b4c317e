import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isStrongPassword } from '../lib/forms';

/** A new password and its confirmation, validated by the same rule the server applies. */
export function PasswordFields({ name = 'newPassword', label }: { name?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('password.new')}
        extra={t('password.rule')}
        hasFeedback
        rules={[
          { required: true, message: t('password.newRequired') },
          {
            validator: (_, value: string | undefined) =>
              !value || isStrongPassword(value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.weak'))),
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${name}-input`} />
      </Form.Item>
      <Form.Item
        name={`${name}Confirm`}
        label={t('password.confirm')}
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || getFieldValue(name) === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${name}-confirm`} />
      </Form.Item>
    </>
  );
}
