import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  Radio,
  Select,
  Space,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorField } from '../../api/client';
import {
  HEALTH_CHECK_RESULTS,
  type Member,
  type MemberInput,
  RELATIONS,
  useSaveMember,
  VACCINATION_STATUSES,
} from '../../api/households';
import { applyServerError } from '../../lib/forms';
import { ageInYears, checkIdNumber, MOBILE_PATTERN, memberKind, PICKUP_FROM_YEARS } from './family-rules';

interface MemberValues {
  relation?: string;
  name: string;
  idNumber?: string;
  birthDate?: Dayjs;
  sex?: 'male' | 'female';
  phone?: string;
  vaccinationStatus?: string;
  vaccinationCheckedOn?: Dayjs;
  healthCheckOn?: Dayjs;
  healthCheckResult?: string;
  canPickUp?: boolean;
}

const FIELDS = [
  'relation',
  'name',
  'idNumber',
  'birthDate',
  'sex',
  'phone',
  'vaccinationStatus',
  'vaccinationCheckedOn',
  'healthCheckOn',
  'healthCheckResult',
  'canPickUp',
] as const;

const day = (value: Dayjs | undefined) => (value ? value.format('YYYY-MM-DD') : null);

function initialValues(member: Member | null): Partial<MemberValues> {
  if (!member) return { relation: 'child', canPickUp: false };
  return {
    relation: member.relation,
    name: member.name,
    birthDate: dayjs(member.birthDate),
    sex: member.sex ?? undefined,
    vaccinationStatus: member.vaccinationStatus ?? undefined,
    vaccinationCheckedOn: member.vaccinationCheckedOn ? dayjs(member.vaccinationCheckedOn) : undefined,
    healthCheckOn: member.healthCheckOn ? dayjs(member.healthCheckOn) : undefined,
    healthCheckResult: member.healthCheckResult ?? undefined,
    canPickUp: member.canPickUp,
  };
}

/** The request body: everything for a new member; for an edit only what changed (`null` clears). */
function toBody(values: MemberValues, member: Member | null): MemberInput {
  const idNumber = values.idNumber?.trim() || undefined;
  const full: MemberInput = {
    relation: values.relation,
    name: values.name.trim(),
    birthDate: idNumber ? undefined : (day(values.birthDate) ?? undefined),
    idNumber,
    sex: idNumber ? undefined : (values.sex ?? null),
    phone: values.phone?.trim() || null,
    vaccinationStatus: values.vaccinationStatus ?? null,
    vaccinationCheckedOn: day(values.vaccinationCheckedOn),
    healthCheckOn: day(values.healthCheckOn),
    healthCheckResult: values.healthCheckResult ?? null,
    canPickUp: values.canPickUp ?? false,
  };
  if (!member) {
    return Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined && v !== null));
  }
  const before: Record<string, unknown> = { ...member, phone: null };
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    if (value === undefined) continue;
    if (key === 'relation' && member.relation === 'self') continue;
    // The phone is only shown masked: an empty field keeps it, a typed one replaces it.
    if (key === 'phone' && value === null) continue;
    if (key === 'sex' && member.idNumber) continue;
    if (key === 'birthDate' && member.idNumber && value === member.birthDate) continue;
    if (value !== before[key]) body[key] = value;
  }
  return body;
}

/**
 * Add or edit a household member. Birth date and sex follow a typed ID number; a child's
 * vaccinations and admission health check show for members under 3; only adults of 18 and over
 * may be put on the pick-up list. The ID number is never shown in full: on edit the masked number
 * stays unless a new one is typed.
 */
export function MemberDrawer({
  member,
  today,
  onClose,
}: {
  member: Member | null;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<MemberValues>();
  const save = useSaveMember();
  const idText = Form.useWatch('idNumber', form);
  const birth = Form.useWatch('birthDate', form);
  const idCheck = idText?.trim() ? checkIdNumber(idText, today) : null;
  const fromId = idCheck?.valid ? idCheck : null;
  const lockedByStoredId = !!member?.idNumber && !idText?.trim();
  const birthDate = fromId?.birthDate ?? day(birth);
  const kind = birthDate ? memberKind(birthDate, today) : member?.kind;
  const adult = birthDate ? ageInYears(birthDate, today) >= PICKUP_FROM_YEARS : false;
  const isSelf = member?.relation === 'self';

  const submit = (values: MemberValues) =>
    save.mutate(
      { id: member?.id, body: toBody(values, member) },
      {
        onSuccess: () => {
          message.success(t(member ? 'family.saved' : 'family.added', { name: values.name.trim() }));
          onClose();
        },
        onError: (error) => applyServerError(form, error, FIELDS),
      },
    );
  const field = save.error ? errorField(save.error) : undefined;
  const unplaced = save.error && !FIELDS.some((f) => f === field) ? save.error : null;
  const notFuture = (current: Dayjs) => current.isAfter(dayjs(today), 'day');

  return (
    <Drawer
      open
      onClose={onClose}
      title={member ? t('family.editTitle', { name: member.name }) : t('family.addTitle')}
      size={screens.md ? 480 : '100%'}
      data-testid="member-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="member-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {unplaced && <Alert type="error" showIcon title={unplaced.message} style={{ marginBottom: 16 }} />}
      <Form<MemberValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(member)}
        onFinish={submit}
        onValuesChange={(changed: Partial<MemberValues>) => {
          if (!('idNumber' in changed) || !changed.idNumber) return;
          const check = checkIdNumber(changed.idNumber, today);
          if (check.valid) form.setFieldsValue({ birthDate: dayjs(check.birthDate), sex: check.sex });
        }}
      >
        {!isSelf && (
          <Form.Item name="relation" label={t('family.field.relation')} rules={[{ required: true }]}>
            <Select
              options={RELATIONS.map((r) => ({ value: r, label: t(`family.relation.${r}`) }))}
              data-testid="member-relation"
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('family.field.name')}
          rules={[{ required: true, whitespace: true, message: t('family.nameRequired') }]}
        >
          <Input maxLength={64} autoComplete="off" data-testid="member-name" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('family.field.idNumber')}
          extra={
            member?.idNumber
              ? t('family.idNumberKeep', { masked: member.idNumber })
              : t('family.idNumberHint')
          }
          rules={[
            {
              validator: (_, value: string | undefined) => {
                if (!value?.trim()) return Promise.resolve();
                const check = checkIdNumber(value, today);
                return check.valid
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`family.idReason.${check.reason}`)));
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" inputMode="text" data-testid="member-id-number" />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t('family.field.birthDate')}
          extra={fromId || lockedByStoredId ? t('family.fromIdNumber') : undefined}
          rules={[{ required: !fromId && !lockedByStoredId, message: t('family.birthDateRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabled={!!fromId || lockedByStoredId}
            disabledDate={notFuture}
            inputReadOnly
            data-testid="member-birth-date"
          />
        </Form.Item>
        <Form.Item name="sex" label={t('family.field.sex')}>
          <Radio.Group disabled={!!fromId || lockedByStoredId}>
            <Radio value="male">{t('family.sex.male')}</Radio>
            <Radio value="female">{t('family.sex.female')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('family.field.phone')}
          extra={member?.phone ? t('family.phoneKeep', { masked: member.phone }) : undefined}
          rules={[{ pattern: MOBILE_PATTERN, message: t('family.phoneRule') }]}
          normalize={(value: string) => value?.replace(/\s/g, '')}
        >
          <Input maxLength={11} inputMode="tel" autoComplete="off" />
        </Form.Item>
        {kind === 'child' && (
          <>
            <Form.Item name="vaccinationStatus" label={t('family.field.vaccination')}>
              <Select
                allowClear
                options={VACCINATION_STATUSES.map((v) => ({ value: v, label: t(`family.vaccination.${v}`) }))}
                data-testid="member-vaccination"
              />
            </Form.Item>
            <Form.Item name="vaccinationCheckedOn" label={t('family.field.vaccinationCheckedOn')}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} inputReadOnly />
            </Form.Item>
            <Form.Item
              name="healthCheckOn"
              label={t('family.field.healthCheckOn')}
              extra={t('family.healthCheckHint')}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={notFuture}
                inputReadOnly
                data-testid="member-health-check-on"
              />
            </Form.Item>
            <Form.Item name="healthCheckResult" label={t('family.field.healthCheckResult')}>
              <Radio.Group>
                {HEALTH_CHECK_RESULTS.map((r) => (
                  <Radio key={r} value={r}>
                    {t(`family.healthResult.${r}`)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          </>
        )}
        {!isSelf && (
          <Form.Item
            name="canPickUp"
            label={t('family.field.canPickUp')}
            valuePropName="checked"
            extra={
              adult
                ? t('family.canPickUpHint')
                : t('family.canPickUpAdultsOnly', { years: PICKUP_FROM_YEARS })
            }
          >
            <Switch disabled={!adult && !member?.canPickUp} data-testid="member-can-pick-up" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
