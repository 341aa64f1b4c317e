import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type ApiError, errorField, isApiError } from '../../api/client';
import { type Benefit, type Eligibility, type Program, useSaveProgram } from '../../api/programs';
import { useSession } from '../../api/queries';
import { RegionSelect } from '../../components/RegionSelect';
import { BenefitFields } from './BenefitFields';
import { BENEFIT_KINDS, flagOptions, gradeOptions } from './program-labels';

interface FormValues {
  regionPrefix?: string;
  code?: string;
  name: string;
  description?: string;
  eligibility: Eligibility;
  benefit: Partial<Record<string, unknown>> & { kind: Benefit['kind'] };
  autoEnrol: boolean;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  status?: 'active' | 'retired';
}

const TOP_FIELDS = [
  'regionPrefix',
  'code',
  'name',
  'description',
  'autoEnrol',
  'startsOn',
  'endsOn',
  'status',
];

/** Only the rules filled in (empty lists and blanks left out). */
function cleanEligibility(e: Eligibility): Eligibility {
  const out: Eligibility = {};
  if (typeof e.minAge === 'number') out.minAge = e.minAge;
  if (typeof e.maxAge === 'number') out.maxAge = e.maxAge;
  for (const key of ['anyFlags', 'allFlags', 'grades'] as const) if (e[key]?.length) out[key] = e[key];
  if (e.residence) out.residence = e.residence;
  return out;
}

function cleanBenefit(b: FormValues['benefit']): Benefit {
  const n = (key: string) => Number(b[key]);
  switch (b.kind) {
    case 'monthly_amount':
      return { kind: b.kind, amount: n('amount') };
    case 'service_quota': {
      const items = (b.items as string[] | undefined)?.filter(Boolean);
      return { kind: b.kind, minutesPerMonth: n('minutesPerMonth'), ...(items?.length ? { items } : {}) };
    }
    case 'cost_share':
      return { kind: b.kind, percent: n('percent'), capPerMonth: n('capPerMonth') };
    case 'meal_discount':
      return {
        kind: b.kind,
        perMeal: n('perMeal'),
        ...(b.mealsPerMonth ? { mealsPerMonth: n('mealsPerMonth') } : {}),
      };
  }
}

/** Create or edit a program: who is eligible, what they get, from when, enrolled how. */
export function ProgramDrawer({
  program,
  onClose,
}: {
  program: Program | null | 'new';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { account: me } = useSession();
  const [form] = Form.useForm<FormValues>();
  const editing = program && program !== 'new' ? program : null;
  const save = useSaveProgram(editing?.id ?? null);
  const kind = Form.useWatch(['benefit', 'kind'], form);
  const regionPrefix = Form.useWatch('regionPrefix', form) ?? editing?.regionPrefix;

  const initial: Partial<FormValues> = editing
    ? {
        name: editing.name,
        description: editing.description ?? undefined,
        eligibility: editing.eligibility,
        benefit: editing.benefit,
        autoEnrol: editing.autoEnrol,
        startsOn: dayjs(editing.startsOn),
        endsOn: editing.endsOn ? dayjs(editing.endsOn) : null,
        status: editing.status,
      }
    : {
        regionPrefix: me.regionCode || undefined,
        eligibility: {},
        benefit: { kind: 'monthly_amount' },
        autoEnrol: true,
        startsOn: dayjs().startOf('month'),
      };

  async function submit(values: FormValues) {
    try {
      await save.mutateAsync({
        ...(editing ? { status: values.status } : { regionPrefix: values.regionPrefix, code: values.code }),
        name: values.name,
        description: values.description?.trim() || null,
        eligibility: cleanEligibility(values.eligibility ?? {}),
        benefit: cleanBenefit(values.benefit),
        autoEnrol: values.autoEnrol,
        startsOn: values.startsOn.format('YYYY-MM-DD'),
        endsOn: values.endsOn ? values.endsOn.format('YYYY-MM-DD') : null,
      });
      onClose();
    } catch (error) {
      placeError(error);
    }
  }

  function placeError(error: unknown) {
    if (!isApiError(error)) return;
    const parts = (errorField(error) ?? '').split('.');
    const name =
      parts[0] === 'eligibility' || parts[0] === 'benefit'
        ? parts.slice(0, 2)
        : TOP_FIELDS.includes(parts[0] ?? '')
          ? [parts[0]!]
          : null;
    if (name && name.length > 0) form.setFields([{ name, errors: [error.message] }]);
  }
  const unplaced = save.error && !(isApiError(save.error) && placedField(save.error)) ? save.error : null;

  return (
    <Drawer
      open={program !== null}
      onClose={onClose}
      title={editing ? t('programs.edit', { name: editing.name }) : t('programs.create')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      data-testid="program-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="program-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {unplaced && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={unplaced.message} />}
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        {!editing && (
          <Space wrap align="start" style={{ width: '100%' }}>
            <Form.Item name="regionPrefix" label={t('programs.regionPrefix')} rules={[{ required: true }]}>
              <RegionSelect within={me.regionCode || undefined} testId="program-region" />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('programs.code')}
              rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,40}$/, message: t('programs.codeRule') }]}
            >
              <Input style={{ width: 200 }} data-testid="program-code" />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="name" label={t('programs.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="program-name" />
        </Form.Item>
        <Form.Item name="description" label={t('programs.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>

        <Form.Item label={t('programs.eligibility')} style={{ marginBottom: 0 }}>
          <Space wrap>
            <Form.Item name={['eligibility', 'minAge']} label={t('programs.minAge')}>
              <InputNumber min={0} max={150} precision={0} data-testid="program-min-age" />
            </Form.Item>
            <Form.Item name={['eligibility', 'maxAge']} label={t('programs.maxAge')}>
              <InputNumber min={0} max={150} precision={0} data-testid="program-max-age" />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item
          name={['eligibility', 'anyFlags']}
          label={t('programs.anyFlags')}
          extra={t('programs.anyFlagsHint')}
        >
          <Select mode="multiple" allowClear options={flagOptions(t)} data-testid="program-any-flags" />
        </Form.Item>
        <Form.Item name={['eligibility', 'allFlags']} label={t('programs.allFlags')}>
          <Select mode="multiple" allowClear options={flagOptions(t)} />
        </Form.Item>
        <Form.Item
          name={['eligibility', 'grades']}
          label={t('programs.grades')}
          extra={t('programs.gradesHint')}
        >
          <Select mode="multiple" allowClear options={gradeOptions(t)} />
        </Form.Item>
        <Form.Item
          name={['eligibility', 'residence']}
          label={t('programs.residence')}
          extra={t('programs.residenceHint')}
        >
          <RegionSelect within={regionPrefix || undefined} />
        </Form.Item>

        <Form.Item name={['benefit', 'kind']} label={t('programs.benefit')} rules={[{ required: true }]}>
          <Select
            options={BENEFIT_KINDS.map((k) => ({ value: k, label: t(`programs.benefitKind.${k}`) }))}
            data-testid="program-benefit-kind"
          />
        </Form.Item>
        <BenefitFields kind={kind} />

        <Space wrap align="start">
          <Form.Item name="startsOn" label={t('programs.startsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('programs.endsOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="autoEnrol" label={t('programs.autoEnrol')} valuePropName="checked">
            <Switch data-testid="program-auto-enrol" />
          </Form.Item>
          {editing && (
            <Form.Item name="status" label={t('programs.status')}>
              <Select
                style={{ width: 120 }}
                options={['active', 'retired'].map((s) => ({
                  value: s,
                  label: t(`programs.statusName.${s}`),
                }))}
              />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Drawer>
  );
}

function placedField(error: ApiError): boolean {
  const first = (errorField(error) ?? '').split('.')[0] ?? '';
  return first === 'eligibility' || first === 'benefit' || TOP_FIELDS.includes(first);
}
