import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, patch, post } from '../../api/client';
import type { Account } from '../../api/types';
import { ResetPasswordModal } from './ResetPasswordModal';

/** Row actions: disable or enable, reset password, unlock a locked account. */
export function AccountActions({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [resetOpen, setResetOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });
  const onError = (error: ApiError) => message.error(error.message);

  const setStatus = useMutation<Account, ApiError, Account['status']>({
    mutationFn: (status) => patch<Account>(`/api/accounts/${account.id}`, { status }),
    onSuccess: async (_, status) => {
      message.success(t(status === 'active' ? 'accounts.enabled' : 'accounts.disabled'));
      await refresh();
    },
    onError,
  });
  const unlock = useMutation<Account, ApiError>({
    mutationFn: () => post<Account>(`/api/accounts/${account.id}/unlock`),
    onSuccess: async () => {
      message.success(t('accounts.unlocked'));
      await refresh();
    },
    onError,
  });

  const active = account.status === 'active';
  return (
    <Space size={0} wrap>
      <Popconfirm
        title={t(active ? 'accounts.confirmDisable' : 'accounts.confirmEnable', {
          name: account.displayName,
        })}
        onConfirm={() => setStatus.mutateAsync(active ? 'disabled' : 'active').catch(() => undefined)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
      >
        <Button
          type="link"
          size="small"
          danger={active}
          loading={setStatus.isPending}
          data-testid="account-toggle-status"
        >
          {t(active ? 'accounts.disable' : 'accounts.enable')}
        </Button>
      </Popconfirm>
      <Button
        type="link"
        size="small"
        onClick={() => setResetOpen(true)}
        data-testid="account-reset-password"
      >
        {t('accounts.resetPassword')}
      </Button>
      {account.locked && (
        <Button
          type="link"
          size="small"
          loading={unlock.isPending}
          onClick={() => unlock.mutate()}
          data-testid="account-unlock"
        >
          {t('accounts.unlock')}
        </Button>
      )}
      {resetOpen && <ResetPasswordModal account={account} onClose={() => setResetOpen(false)} />}
    </Space>
  );
}
