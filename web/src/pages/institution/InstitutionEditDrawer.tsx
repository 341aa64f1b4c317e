import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, errorField, patch, post, put } from '../../api/client';
import { careKeys } from '../../api/institutions';
import type { Filing, Institution, InstitutionFunction, InstitutionInput } from '../../api/types';
import { REGISTERED_FIELDS } from '../../lib/care-codes';
import { applyServerError } from '../../lib/forms';
import { InstitutionFormFields } from './InstitutionFormFields';
import { type EditValues, fromInstitution, INPUT_FIELDS, toInput } from './institution-form-values';

interface Saved {
  changed: boolean;
  needsFiling: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Edit the profile: only changed fields are sent (PATCH), functions through their own PUT. Once
 * filed, registered particulars change only through a change filing: the server answers 409 and
 * the drawer offers to file the change instead.
 */
export function InstitutionEditDrawer({
  institution,
  open,
  onClose,
}: {
  institution: Institution;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<EditValues>();
  const [pendingChange, setPendingChange] = useState<Record<string, unknown> | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const filed = institution.status === 'filed' || !!institution.filedAt;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: careKeys.institution(institution.id) }),
      queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institution.id) }),
    ]);

  const diff = (values: EditValues) => {
    const input = toInput(values);
    const changes: Partial<InstitutionInput> = {};
    for (const key of INPUT_FIELDS) {
      if (!same(input[key], institution[key])) (changes as Record<string, unknown>)[key] = input[key];
    }
    const functions: InstitutionFunction[] = (values.functions ?? []).filter((f) => f?.function);
    const functionsChanged = !same(
      [...functions].sort((a, b) => a.function.localeCompare(b.function)),
      [...institution.functions].sort((a, b) => a.function.localeCompare(b.function)),
    );
    return { changes, functions, functionsChanged };
  };

  /** Registered particulars among the changes: once filed, they go through a change filing. */
  const registeredPart = (
    changes: Partial<InstitutionInput>,
    functions: InstitutionFunction[],
    functionsChanged: boolean,
  ) => {
    const registered: Record<string, unknown> = {};
    for (const key of REGISTERED_FIELDS) {
      if (key === 'functions') {
        if (functionsChanged) registered.functions = functions;
      } else if (key in changes) registered[key] = changes[key];
    }
    return registered;
  };

  const save = useMutation<Saved, ApiError, EditValues>({
    mutationFn: async (values) => {
      setPendingChange(null);
      const { changes, functions, functionsChanged } = diff(values);
      const registered = filed ? registeredPart(changes, functions, functionsChanged) : {};
      const direct = Object.fromEntries(Object.entries(changes).filter(([key]) => !(key in registered)));
      const functionsDirect = functionsChanged && !('functions' in registered);
      if (Object.keys(direct).length > 0)
        await patch<Institution>(`/api/institutions/${institution.id}`, direct);
      if (functionsDirect) await put(`/api/institutions/${institution.id}/functions`, functions);
      if (Object.keys(registered).length > 0) setPendingChange(registered);
      return {
        changed: Object.keys(direct).length > 0 || functionsDirect,
        needsFiling: Object.keys(registered).length > 0,
      };
    },
    onSuccess: async ({ changed, needsFiling }) => {
      await refresh();
      if (needsFiling) {
        if (changed) message.success(t('institution.savedExceptRegistered'));
        bodyRef.current?.closest('.ant-drawer-body')?.scrollTo({ top: 0, behavior: 'smooth' });
        return;
      }
      message.success(t(changed ? 'institution.saved' : 'institution.nothingChanged'));
      onClose();
    },
    onError: async (error) => {
      if (error.status === 409) {
        const { changes, functions, functionsChanged } = diff(form.getFieldsValue(true));
        const registered = registeredPart(changes, functions, functionsChanged);
        setPendingChange(Object.keys(registered).length ? registered : null);
        await refresh();
      } else applyServerError(form, error, [...INPUT_FIELDS, 'functions']);
      bodyRef.current?.closest('.ant-drawer-body')?.scrollTo({ top: 0, behavior: 'smooth' });
    },
  });

  const fileChange = useMutation<Filing, ApiError>({
    mutationFn: () =>
      post<Filing>(`/api/institutions/${institution.id}/filings`, { kind: 'change', changes: pendingChange }),
    onSuccess: async () => {
      message.success(t('filing.changeCreated'));
      setPendingChange(null);
      await refresh();
      onClose();
    },
  });

  const fieldOfError = save.error ? errorField(save.error) : undefined;
  const unplaced =
    save.error &&
    !(INPUT_FIELDS as readonly string[]).concat('functions').some((f) => fieldOfError?.startsWith(f))
      ? save.error
      : null;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('institution.edit')}
      size={screens.md ? 720 : '100%'}
      data-testid="institution-edit-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="institution-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <div ref={bodyRef} />
      {unplaced && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={unplaced.message} />}
      {pendingChange && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('filing.changeNeeded')}
          description={Object.keys(pendingChange)
            .map((key) => t(`institution.${key === 'regionCode' ? 'region' : key}`))
            .join('、')}
          action={
            <Button
              size="small"
              type="primary"
              loading={fileChange.isPending}
              onClick={() => fileChange.mutate()}
            >
              {t('filing.fileChange')}
            </Button>
          }
          data-testid="institution-change-filing"
        />
      )}
      {fileChange.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={fileChange.error.message} />
      )}
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={fromInstitution(institution)}
        onFinish={(values) => save.mutate(values)}
      >
        <InstitutionFormFields form={form} />
      </Form>
    </Drawer>
  );
}
