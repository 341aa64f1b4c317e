import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApiError, post } from '../../api/client';
import type { Account } from '../../api/types';
import { PasswordFields } from '../../components/PasswordFields';
import { applyServerError } from '../../lib/forms';

interface ResetForm {
  newPassword: string;
  newPasswordConfirm: string;
}

/** Set a temporary password; the user must change it at next sign-in. */
export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetForm>();
  const reset = useMutation<void, ApiError, ResetForm>({
    mutationFn: ({ newPassword }) =>
      post<void>(`/api/accounts/${account.id}/reset-password`, { newPassword }),
    onSuccess: () => {
      message.success(t('accounts.passwordReset', { name: account.displayName }));
      onClose();
    },
    onError: (error) => {
      applyServerError(form, error, ['newPassword']);
    },
  });

  return (
    <Modal
      open
      title={t('accounts.resetPasswordTitle', { name: account.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('accounts.resetPasswordHint')}</Typography.Paragraph>
      {reset.error && reset.error.field !== 'newPassword' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={reset.error.message} />
      )}
      <Form<ResetForm> form={form} layout="vertical" onFinish={(values) => reset.mutate(values)}>
        <PasswordFields />
      </Form>
    </Modal>
  );
}
