import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApiError, errorField, post } from '../../api/client';
import { useRoles, useSession } from '../../api/queries';
import type { Account } from '../../api/types';
import { InstitutionSelect } from '../../components/InstitutionSelect';
import { PasswordFields } from '../../components/PasswordFields';
import { RegionSelect } from '../../components/RegionSelect';
import { applyServerError } from '../../lib/forms';
import { LEVEL_NUMBER, levelLabel, roleLabel } from '../../lib/labels';

interface CreateForm {
  username: string;
  displayName: string;
  role: string;
  regionCode?: string;
  institutionId?: string;
  phone?: string;
  password: string;
  passwordConfirm: string;
}

const FIELDS = [
  'username',
  'displayName',
  'role',
  'regionCode',
  'institutionId',
  'phone',
  'password',
] as const;

/** Create an account of a role the caller may create, inside the caller's own region. */
export function AccountCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const { account: me } = useSession();
  const [form] = Form.useForm<CreateForm>();
  const roles = useRoles();
  const creatable = (roles.data?.items ?? []).filter((r) => r.creatable);
  const roleValue = Form.useWatch('role', form);
  const role = creatable.find((r) => r.role === roleValue);
  const needsRegion = role?.kind === 'official' || role?.kind === 'resident';
  const needsInstitution = role?.kind === 'institution';
  const roleLevel = role?.level ? LEVEL_NUMBER[role.level] : undefined;

  const create = useMutation<Account, ApiError, CreateForm>({
    mutationFn: ({ passwordConfirm: _confirm, ...values }) =>
      post<Account>('/api/accounts', {
        ...values,
        regionCode: needsRegion ? values.regionCode : undefined,
        institutionId: needsInstitution ? values.institutionId : undefined,
        phone: values.phone?.trim() || undefined,
      }),
    onSuccess: async (created) => {
      message.success(t('accounts.created', { name: created.displayName }));
      await queryClient.invalidateQueries({ queryKey: ['accounts'] });
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      applyServerError(form, error, FIELDS);
    },
  });
  const fieldOfError = create.error ? errorField(create.error) : undefined;
  const unplaced = create.error && !FIELDS.some((f) => f === fieldOfError) ? create.error : null;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('accounts.create')}
      size={screens.md ? 520 : '100%'}
      data-testid="account-create-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="account-submit"
          >
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      {unplaced && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={unplaced.message} />}
      {roles.isSuccess && creatable.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('accounts.noCreatableRoles')} />
      )}
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={(values) => create.mutate(values)}
        autoComplete="off"
      >
        <Form.Item
          name="username"
          label={t('account.username')}
          rules={[
            { required: true, whitespace: true, message: t('accounts.usernameRequired') },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('accounts.usernameRule') },
          ]}
        >
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('account.displayName')}
          rules={[{ required: true, whitespace: true, message: t('accounts.displayNameRequired') }]}
        >
          <Input data-testid="account-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('account.role')}
          rules={[{ required: true, message: t('accounts.roleRequired') }]}
        >
          <Select
            loading={roles.isPending}
            options={creatable.map((r) => ({
              value: r.role,
              label: r.level ? `${roleLabel(t, r.role)} · ${levelLabel(t, r.level)}` : roleLabel(t, r.role),
            }))}
            onChange={() => form.setFieldsValue({ regionCode: undefined })}
            data-testid="account-role"
          />
        </Form.Item>
        {needsRegion && (
          <Form.Item
            name="regionCode"
            label={t('account.region')}
            extra={roleLevel ? t('accounts.regionLevelHint', { level: levelLabel(t, roleLevel) }) : undefined}
            rules={[{ required: role?.kind === 'official', message: t('accounts.regionRequired') }]}
          >
            <RegionSelect within={me.regionCode || undefined} level={roleLevel} testId="account-region" />
          </Form.Item>
        )}
        {needsInstitution && (
          <Form.Item
            name="institutionId"
            label={t('account.institutionId')}
            extra={t('accounts.institutionIdHint')}
            rules={[{ required: true, message: t('accounts.institutionRequired') }]}
          >
            <InstitutionSelect />
          </Form.Item>
        )}
        <Form.Item
          name="phone"
          label={t('account.phone')}
          rules={[{ pattern: /^1\d{10}$/, message: t('accounts.phoneRule') }]}
        >
          <Input inputMode="tel" maxLength={11} data-testid="account-phone" />
        </Form.Item>
        <PasswordFields name="password" label={t('accounts.initialPassword')} />
      </Form>
    </Drawer>
  );
}
