import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ApiError, post } from '../../api/client';
import { keys, useSession } from '../../api/queries';
import { PasswordFields } from '../../components/PasswordFields';
import { applyServerError } from '../../lib/forms';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

/** Change one's own password; required before anything else when the account must. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const change = useMutation<void, ApiError, PasswordForm>({
    mutationFn: ({ currentPassword, newPassword }) =>
      post<void>('/api/auth/password', { currentPassword, newPassword }),
    onSuccess: async () => {
      message.success(t('password.changed'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate('/', { replace: true });
    },
    onError: (error) => {
      applyServerError(form, error, ['currentPassword', 'newPassword']);
    },
  });
  const unplaced =
    change.error && !['currentPassword', 'newPassword'].includes(change.error.field ?? '')
      ? change.error
      : null;

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520 }}>
      {account.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('password.mustChange')}
          data-testid="must-change"
        />
      )}
      {unplaced && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={unplaced.message} />}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(values) => change.mutate(values)}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="currentPassword-input" />
        </Form.Item>
        <PasswordFields />
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
