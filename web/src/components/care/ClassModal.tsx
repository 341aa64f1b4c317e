import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApiError, errorField, patch, post } from '../../api/client';
import { careKeys, useSetting } from '../../api/institutions';
import type { ChildcareClass } from '../../api/types';
import { CLASS_TYPES, codeOptions } from '../../lib/care-codes';
import { applyServerError } from '../../lib/forms';

interface ClassValues {
  name: string;
  type: string;
  capacity: number;
  room?: string;
}

type ClassRules = Record<
  string,
  { maxSize: number; minAgeMonths: number; maxAgeMonths: number; childrenPerCarer: number }
>;

const FIELDS = ['name', 'type', 'capacity', 'room'] as const;

/** Create or edit a class; the server's rule (e.g. class size over the type's maximum) lands on the field. */
export function ClassModal({
  institutionId,
  regionCode,
  current,
  onClose,
}: {
  institutionId: string;
  regionCode: string;
  current: ChildcareClass | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClassValues>();
  const type = Form.useWatch('type', form);
  const rules = useSetting<ClassRules>('childcare.class_rules', regionCode);
  const rule = type
    ? (rules.data?.value?.[type] ?? (current?.type === type ? current.limits : undefined))
    : undefined;

  const save = useMutation<ChildcareClass, ApiError, ClassValues>({
    mutationFn: (values) => {
      const body = { ...values, name: values.name.trim(), room: values.room?.trim() || null };
      return current
        ? patch<ChildcareClass>(`/api/classes/${current.id}`, body)
        : post<ChildcareClass>(`/api/institutions/${institutionId}/classes`, body);
    },
    onSuccess: async () => {
      message.success(t(current ? 'classes.saved' : 'classes.created'));
      await queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institutionId) });
      await queryClient.invalidateQueries({ queryKey: careKeys.institution(institutionId) });
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
      title={current ? t('classes.edit') : t('classes.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'class-submit' } as ButtonProps}
      destroyOnHidden
    >
      {unplaced && <Alert type="error" showIcon title={unplaced.message} style={{ marginBottom: 12 }} />}
      <Form<ClassValues>
        form={form}
        layout="vertical"
        initialValues={
          current
            ? {
                name: current.name,
                type: current.type,
                capacity: current.capacity,
                room: current.room ?? undefined,
              }
            : undefined
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('classes.name')}
          rules={[{ required: true, whitespace: true, message: t('classes.nameRequired') }]}
        >
          <Input maxLength={50} data-testid="class-name" />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('classes.type')}
          rules={[{ required: true, message: t('classes.typeRequired') }]}
        >
          <Select options={codeOptions(t, 'classType', CLASS_TYPES)} data-testid="class-type" />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('classes.capacity')}
          extra={
            rule
              ? t('classes.limitsValue', {
                  max: rule.maxSize,
                  min: rule.minAgeMonths,
                  maxAge: rule.maxAgeMonths,
                  n: rule.childrenPerCarer,
                })
              : undefined
          }
          rules={[{ required: true, message: t('classes.capacityRequired') }]}
        >
          <InputNumber
            min={1}
            max={99}
            precision={0}
            style={{ width: '100%' }}
            data-testid="class-capacity"
          />
        </Form.Item>
        <Form.Item name="room" label={t('classes.room')}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
