import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ApiError, errorField, patch, post } from '../../api/client';
import { careKeys } from '../../api/institutions';
import type { ChildcareClass, StaffMember } from '../../api/types';
import { codeOptions, EDUCATION_LEVELS, STAFF_ROLES } from '../../lib/care-codes';
import { applyServerError } from '../../lib/forms';

interface StaffValues {
  name: string;
  role: string;
  idNumber?: string;
  phone?: string;
  education?: string;
  managementYears?: number;
  classId?: string;
  hiredOn?: Dayjs;
  status?: 'active' | 'inactive';
}

const FIELDS = [
  'name',
  'role',
  'idNumber',
  'phone',
  'education',
  'managementYears',
  'classId',
  'hiredOn',
] as const;

/**
 * Add or edit a staff member. The ID number is only ever sent, never shown in full: when editing,
 * the masked number stays unless a new one is typed.
 */
export function StaffDrawer({
  institutionId,
  current,
  classes,
  onClose,
}: {
  institutionId: string;
  current: StaffMember | null;
  classes: ChildcareClass[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<StaffValues>();
  const role = Form.useWatch('role', form);

  const save = useMutation<StaffMember, ApiError, StaffValues>({
    mutationFn: (values) => {
      const body = {
        name: values.name.trim(),
        role: values.role,
        idNumber: values.idNumber?.trim() || undefined,
        phone: values.phone?.trim() || (current ? null : undefined),
        education: values.education ?? (current ? null : undefined),
        managementYears: values.managementYears ?? (current ? null : undefined),
        classId: values.classId ?? (current ? null : undefined),
        hiredOn: values.hiredOn ? values.hiredOn.format('YYYY-MM-DD') : current ? null : undefined,
        ...(current ? { status: values.status } : {}),
      };
      return current
        ? patch<StaffMember>(`/api/staff/${current.id}`, body)
        : post<StaffMember>(`/api/institutions/${institutionId}/staff`, body);
    },
    onSuccess: async () => {
      message.success(t(current ? 'staff.saved' : 'staff.created'));
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
    <Drawer
      open
      onClose={onClose}
      title={current ? t('staff.edit') : t('staff.create')}
      size={screens.md ? 520 : '100%'}
      data-testid="staff-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="staff-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {unplaced && <Alert type="error" showIcon title={unplaced.message} style={{ marginBottom: 16 }} />}
      <Form<StaffValues>
        form={form}
        layout="vertical"
        initialValues={
          current
            ? {
                name: current.name,
                role: current.role,
                education: current.education ?? undefined,
                managementYears: current.managementYears ?? undefined,
                classId: current.classId ?? undefined,
                hiredOn: current.hiredOn ? dayjs(current.hiredOn) : undefined,
                status: current.status === 'inactive' ? 'inactive' : 'active',
              }
            : undefined
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('staff.name')}
          rules={[{ required: true, whitespace: true, message: t('staff.nameRequired') }]}
        >
          <Input maxLength={50} data-testid="staff-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('staff.role')}
          rules={[{ required: true, message: t('staff.roleRequired') }]}
        >
          <Select options={codeOptions(t, 'staffRole', STAFF_ROLES)} data-testid="staff-role" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('staff.idNumber')}
          extra={
            current?.idNumber
              ? t('staff.idNumberKeep', { masked: current.idNumber })
              : t('staff.idNumberHint')
          }
        >
          <Input maxLength={18} autoComplete="off" data-testid="staff-id-number" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('staff.phone')}
          extra={current?.phone ? t('staff.phoneKeep', { masked: current.phone }) : undefined}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="education" label={t('staff.education')}>
          <Select allowClear options={codeOptions(t, 'education', EDUCATION_LEVELS)} />
        </Form.Item>
        {role === 'head' && (
          <Form.Item name="managementYears" label={t('staff.managementYears')} extra={t('staff.headRule')}>
            <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(role === 'carer' || role === 'teacher') && (
          <Form.Item name="classId" label={t('staff.class')}>
            <Select
              allowClear
              options={classes.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="staff-class"
            />
          </Form.Item>
        )}
        <Form.Item name="hiredOn" label={t('staff.hiredOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {current && (
          <Form.Item name="status" label={t('staff.status')} extra={t('staff.statusHint')}>
            <Select
              options={(['active', 'inactive'] as const).map((v) => ({
                value: v,
                label: t(`staff.statusValue.${v}`),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
