import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ApiError, errorField, post } from '../../api/client';
import { careKeys } from '../../api/institutions';
import type { Certificate, StaffMember } from '../../api/types';
import { CERTIFICATE_KINDS, codeOptions } from '../../lib/care-codes';
import { applyServerError } from '../../lib/forms';

interface CertificateValues {
  kind: string;
  number?: string;
  issuedOn: Dayjs;
  expiresOn?: Dayjs;
}

const FIELDS = ['kind', 'number', 'issuedOn', 'expiresOn'] as const;

/** Record a certificate of a staff member; without an expiry the server applies the kind's validity. */
export function CertificateModal({
  staff,
  institutionId,
  onClose,
}: {
  staff: StaffMember;
  institutionId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CertificateValues>();

  const save = useMutation<Certificate, ApiError, CertificateValues>({
    mutationFn: (values) =>
      post<Certificate>(`/api/staff/${staff.id}/certificates`, {
        kind: values.kind,
        number: values.number?.trim() || undefined,
        issuedOn: values.issuedOn.format('YYYY-MM-DD'),
        expiresOn: values.expiresOn ? values.expiresOn.format('YYYY-MM-DD') : undefined,
      }),
    onSuccess: async () => {
      message.success(t('staff.certificateAdded'));
      await queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institutionId) });
      onClose();
    },
    onError: (error) => {
      applyServerError(form, error, FIELDS);
    },
  });
  const field = save.error ? errorField(save.error) : undefined;
  const unplaced = save.error && !FIELDS.some((f) => f === field) ? save.error : null;

  return (
    <Modal
      open
      title={t('staff.addCertificateFor', { name: staff.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'certificate-submit' } as ButtonProps}
      destroyOnHidden
    >
      {unplaced && <Alert type="error" showIcon title={unplaced.message} style={{ marginBottom: 12 }} />}
      <Form<CertificateValues> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="kind"
          label={t('staff.certificateKind')}
          rules={[{ required: true, message: t('staff.certificateKindRequired') }]}
        >
          <Select options={codeOptions(t, 'certificate', CERTIFICATE_KINDS)} data-testid="certificate-kind" />
        </Form.Item>
        <Form.Item name="number" label={t('staff.certificateNumber')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('staff.issuedOn')}
          rules={[{ required: true, message: t('staff.issuedOnRequired') }]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="certificate-issued-on" />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('staff.expiresOnLabel')} extra={t('staff.expiresOnHint')}>
          <DatePicker style={{ width: '100%' }} data-testid="certificate-expires-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
