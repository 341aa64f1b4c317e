import { Alert, App, Button, Input, Modal, Rate, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ServiceOrder, useCaregivers, useOrderActions } from '../../api/homecare';

export interface Abilities {
  /** The provider's side: assign caregivers, explain exceptions. */
  provider: boolean;
  /** Places orders (and may cancel them). */
  orders: boolean;
  /** May confirm visits (community workers, the family). */
  confirms: boolean;
}

type Dialog = 'confirm' | 'explain' | null;

/** What the caller may do with one order right now. */
export function OrderActions({ order, can }: { order: ServiceOrder; can: Abilities }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useOrderActions();
  const caregivers = useCaregivers(can.provider ? (order.providerId ?? undefined) : undefined);
  const [caregiverId, setCaregiverId] = useState<string | undefined>(order.caregiverId ?? undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [rating, setRating] = useState(5);
  const [text, setText] = useState('');
  const visit = order.visit;
  const open = order.status === 'requested' || order.status === 'assigned';
  const ok = (key: string) => () => {
    message.success(t(key));
    setDialog(null);
    setText('');
  };
  const fail = (error: Error) => message.error(error.message);

  return (
    <Space wrap size={4}>
      {can.provider && open && (
        <Space.Compact>
          <Select
            size="small"
            style={{ width: 140 }}
            value={caregiverId}
            onChange={setCaregiverId}
            placeholder={t('homecare.caregiver')}
            options={(caregivers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="assign-caregiver"
          />
          <Button
            size="small"
            disabled={!caregiverId}
            loading={actions.assign.isPending}
            onClick={() =>
              actions.assign.mutate(
                { id: order.id, caregiverId: caregiverId! },
                { onSuccess: ok('homecare.assigned'), onError: fail },
              )
            }
            data-testid="assign-submit"
          >
            {t('homecare.assign')}
          </Button>
        </Space.Compact>
      )}
      {(can.orders || can.provider) && open && (
        <Button
          size="small"
          danger
          onClick={() =>
            actions.cancel.mutate({ id: order.id }, { onSuccess: ok('homecare.cancelled'), onError: fail })
          }
          data-testid="cancel-order"
        >
          {t('homecare.cancel')}
        </Button>
      )}
      {can.provider && visit?.status === 'exception' && (
        <Button size="small" onClick={() => setDialog('explain')} data-testid="explain-visit">
          {visit.exceptionReason ? t('homecare.reExplain') : t('homecare.explain')}
        </Button>
      )}
      {can.confirms && visit && visit.status !== 'open' && !visit.confirmedAt && (
        <Button size="small" type="primary" onClick={() => setDialog('confirm')} data-testid="confirm-visit">
          {t('homecare.confirm')}
        </Button>
      )}
      <Modal
        open={dialog === 'confirm'}
        title={t('homecare.confirmTitle', { name: order.person.name, item: order.item.name })}
        onCancel={() => setDialog(null)}
        okText={t('homecare.confirm')}
        okButtonProps={{ loading: actions.confirm.isPending, 'data-testid': 'confirm-submit' }}
        onOk={() =>
          visit &&
          actions.confirm.mutate(
            { visitId: visit.id, rating, comment: text },
            { onSuccess: ok('homecare.confirmed'), onError: fail },
          )
        }
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Rate value={rating} onChange={setRating} data-testid="confirm-rating" />
          <Input.TextArea rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
        </Space>
      </Modal>
      <Modal
        open={dialog === 'explain'}
        title={t('homecare.explainTitle')}
        onCancel={() => setDialog(null)}
        okText={t('common.save')}
        okButtonProps={{
          loading: actions.explain.isPending,
          disabled: text.trim().length < 2,
          'data-testid': 'explain-submit',
        }}
        onOk={() =>
          visit &&
          actions.explain.mutate(
            { visitId: visit.id, reason: text.trim() },
            { onSuccess: ok('homecare.explained'), onError: fail },
          )
        }
        destroyOnHidden
      >
        {visit && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={visit.exceptions.map((e) => e.message).join('；')}
          />
        )}
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('homecare.reasonPlaceholder')}
          data-testid="explain-reason"
        />
      </Modal>
    </Space>
  );
}
