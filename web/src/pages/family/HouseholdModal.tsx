import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Household, useUpdateHousehold } from '../../api/households';
import { RegionSelect } from '../../components/RegionSelect';
import { applyServerError } from '../../lib/forms';

interface AddressValues {
  regionCode?: string;
  address?: string;
}

/** Where the household lives: its community (12-digit code) and street address. */
export function HouseholdModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddressValues>();
  const update = useUpdateHousehold();
  const unplaced =
    update.error && !['regionCode', 'address'].includes(update.error.field ?? '') ? update.error : null;
  return (
    <Modal
      open
      title={t('family.addressTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {unplaced && <Alert type="error" showIcon title={unplaced.message} style={{ marginBottom: 16 }} />}
      <Form<AddressValues>
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: household.regionCode ?? undefined,
          address: household.address ?? undefined,
        }}
        onFinish={(values) =>
          update.mutate(
            { regionCode: values.regionCode ?? null, address: values.address?.trim() || null },
            {
              onSuccess: () => {
                message.success(t('family.addressSaved'));
                onClose();
              },
              onError: (error) => applyServerError(form, error, ['regionCode', 'address']),
            },
          )
        }
      >
        <Form.Item name="regionCode" label={t('family.field.community')} extra={t('family.communityHint')}>
          <RegionSelect level={5} placeholder={t('family.communityPlaceholder')} testId="household-region" />
        </Form.Item>
        <Form.Item name="address" label={t('family.field.address')}>
          <Input maxLength={200} autoComplete="street-address" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
