import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, post } from '../../api/client';
import { careKeys } from '../../api/institutions';
import type { Filing } from '../../api/types';
import {
  AUTHORITY_FILING_ACTIONS,
  codeLabel,
  codeOptions,
  type FilingAction,
  INSTITUTION_FILING_ACTIONS,
  MATERIAL_KINDS,
} from '../../lib/care-codes';

interface ActionBody {
  comment?: string;
  missingMaterials?: string[];
}

/** Actions that ask "are you sure?" first: they end the filing one way or the other. */
const CONFIRM: readonly FilingAction[] = ['approve', 'withdraw'];

/**
 * The buttons for the actions the API allows on this filing, limited to the caller's side
 * (the institution submits, resubmits, withdraws; the authority acknowledges, returns, approves).
 * A refusal (409, 400) is shown exactly as the server words it.
 */
export function FilingActions({ filing, side }: { filing: Filing; side: 'institution' | 'authority' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [returnOpen, setReturnOpen] = useState(false);
  const [form] = Form.useForm<{ missingMaterials: string[]; comment?: string }>();
  const mine = side === 'institution' ? INSTITUTION_FILING_ACTIONS : AUTHORITY_FILING_ACTIONS;
  const actions = filing.allowedActions.filter((action) => mine.includes(action));

  const act = useMutation<Filing, ApiError, { action: FilingAction; body: ActionBody }>({
    mutationFn: ({ action, body }) => post<Filing>(`/api/filings/${filing.id}/actions/${action}`, body),
    onSuccess: async (updated, { action }) => {
      queryClient.setQueryData(careKeys.filing(filing.id), updated);
      message.success(t('filing.actionDone', { action: codeLabel(t, 'filingAction', action) }));
      setReturnOpen(false);
      form.resetFields();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['filings'] }),
        queryClient.invalidateQueries({ queryKey: ['institutions'] }),
        queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(filing.institutionId) }),
      ]);
    },
    onError: async (error) => {
      if (error.status === 409) await queryClient.invalidateQueries({ queryKey: careKeys.filing(filing.id) });
    },
  });

  if (actions.length === 0) return null;
  const run = (action: FilingAction, body: ActionBody = {}) => act.mutate({ action, body });
  const busy = (action: FilingAction) => act.isPending && act.variables?.action === action;
  const missingNow = filing.materials.filter((m) => m.required && !m.present).map((m) => m.kind);
  const materialKinds = Array.from(new Set([...filing.materials.map((m) => m.kind), ...MATERIAL_KINDS]));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {actions.map((action) => {
          const button = (
            <Button
              key={action}
              type={action === 'return' || action === 'withdraw' ? 'default' : 'primary'}
              danger={action === 'withdraw'}
              loading={busy(action)}
              onClick={
                action === 'return'
                  ? () => {
                      form.setFieldsValue({ missingMaterials: missingNow, comment: undefined });
                      setReturnOpen(true);
                    }
                  : CONFIRM.includes(action)
                    ? undefined
                    : () => run(action)
              }
              data-testid={`filing-action-${action}`}
            >
              {codeLabel(t, 'filingAction', action)}
            </Button>
          );
          return CONFIRM.includes(action) ? (
            <Popconfirm
              key={action}
              title={t(`filing.confirm.${action}`)}
              onConfirm={() => run(action)}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'filing-confirm' } as ButtonProps}
            >
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
      </Space>
      {act.error && !returnOpen && (
        <Alert type="error" showIcon title={act.error.message} data-testid="filing-action-error" />
      )}
      <Modal
        open={returnOpen}
        title={t('filing.returnTitle')}
        onCancel={() => setReturnOpen(false)}
        okText={codeLabel(t, 'filingAction', 'return')}
        cancelText={t('common.cancel')}
        confirmLoading={busy('return')}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'return-confirm' } as ButtonProps}
        destroyOnHidden={false}
      >
        {act.error && <Alert type="error" showIcon title={act.error.message} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            run('return', {
              missingMaterials: values.missingMaterials,
              comment: values.comment?.trim() || undefined,
            })
          }
        >
          <Form.Item
            name="missingMaterials"
            label={t('filing.missingMaterials')}
            extra={t('filing.returnHint')}
            rules={[{ required: true, message: t('filing.missingRequired') }]}
          >
            <Select
              mode="multiple"
              options={codeOptions(t, 'material', materialKinds)}
              data-testid="return-materials"
            />
          </Form.Item>
          <Form.Item name="comment" label={t('filing.comment')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="return-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
