import { MobileOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorField, setCsrfToken } from '../../api/client';
import { type SignupInput, useSignup } from '../../api/households';
import { fetchMe, keys, useMe } from '../../api/queries';
import { PasswordFields } from '../../components/PasswordFields';
import { RegionSelect } from '../../components/RegionSelect';
import { checkIdNumber, chinaToday, MOBILE_PATTERN } from '../family/family-rules';

interface SignupValues {
  phone: string;
  password: string;
  passwordConfirm: string;
  name: string;
  idNumber?: string;
  birthDate?: Dayjs;
  sex?: 'male' | 'female';
  regionCode?: string;
  address?: string;
}

const FIELDS = [
  'phone',
  'password',
  'name',
  'idNumber',
  'birthDate',
  'sex',
  'regionCode',
  'address',
] as const;

function toBody(values: SignupValues): SignupInput {
  const idNumber = values.idNumber?.trim() || undefined;
  return {
    phone: values.phone.trim(),
    password: values.password,
    name: values.name.trim(),
    ...(idNumber ? { idNumber } : {}),
    ...(!idNumber && values.birthDate ? { birthDate: values.birthDate.format('YYYY-MM-DD') } : {}),
    ...(!idNumber && values.sex ? { sex: values.sex } : {}),
    ...(values.regionCode ? { regionCode: values.regionCode } : {}),
    ...(values.address?.trim() ? { address: values.address.trim() } : {}),
  };
}

/**
 * 居民注册 / Resident sign-up: the mobile number is the username. With an ID number the birth date
 * and sex come from it; without one the birth date is asked for. Signed in at once, the resident
 * lands on "My family" to add children and older relatives.
 */
export default function SignupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [form] = Form.useForm<SignupValues>();
  const signup = useSignup();
  const today = chinaToday();
  const idText = Form.useWatch('idNumber', form);
  // Birth date and sex follow a valid ID number; an invalid one is refused on its own field.
  const idGiven = !!idText?.trim() && checkIdNumber(idText, today).valid;

  const submit = (values: SignupValues) =>
    signup.mutate(toBody(values), {
      onSuccess: async (result) => {
        setCsrfToken(result.csrfToken);
        // Whatever was cached belonged to the previous visitor (or nobody): start afresh.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
        await queryClient.fetchQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 0 });
        message.success(t('signup.done', { name: result.account.displayName }));
        navigate('/family', { replace: true });
      },
      onError: (error) => {
        const name = FIELDS.find((f) => f === errorField(error));
        if (!name) {
          window.scrollTo({ top: 0, behavior: 'smooth' });
          return;
        }
        // The public header is sticky: bring the field the server named to the middle of the screen.
        form.setFields([{ name, errors: [error.message] }]);
        form.scrollToField(name, { block: 'center' });
      },
    });
  const field = signup.error ? errorField(signup.error) : undefined;
  const unplaced = signup.error && !FIELDS.some((f) => f === field) ? signup.error : null;

  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('signup.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('signup.subtitle')}</Typography.Paragraph>
      {me.data && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('signup.signedInAs', { name: me.data.account.displayName })}
        />
      )}
      {unplaced && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={unplaced.message}
          data-testid="signup-error"
        />
      )}
      <Card size="small" styles={{ body: { padding: 16 } }}>
        <Form<SignupValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          data-testid="signup-form"
          onValuesChange={(changed: Partial<SignupValues>) => {
            if (!changed.idNumber) return;
            const check = checkIdNumber(changed.idNumber, today);
            if (check.valid) form.setFieldsValue({ birthDate: dayjs(check.birthDate), sex: check.sex });
          }}
        >
          <Form.Item
            name="phone"
            label={t('signup.phone')}
            extra={t('signup.phoneHint')}
            normalize={(value: string) => value?.replace(/\s/g, '')}
            rules={[
              { required: true, message: t('family.phoneRule') },
              { pattern: MOBILE_PATTERN, message: t('family.phoneRule') },
            ]}
          >
            <Input
              prefix={<MobileOutlined />}
              inputMode="tel"
              maxLength={11}
              autoComplete="tel"
              size="large"
              data-testid="signup-phone"
            />
          </Form.Item>
          <PasswordFields name="password" label={t('signup.password')} />
          <Form.Item
            name="name"
            label={t('signup.name')}
            rules={[{ required: true, whitespace: true, message: t('family.nameRequired') }]}
          >
            <Input maxLength={64} autoComplete="name" data-testid="signup-name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('signup.idNumber')}
            extra={t('signup.idNumberHint')}
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
            <Input maxLength={18} autoComplete="off" data-testid="signup-id-number" />
          </Form.Item>
          <Form.Item
            name="birthDate"
            label={t('family.field.birthDate')}
            extra={idGiven ? t('family.fromIdNumber') : undefined}
            rules={[{ required: !idGiven, message: t('family.birthDateRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabled={idGiven}
              disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
              inputReadOnly
              data-testid="signup-birth-date"
            />
          </Form.Item>
          <Form.Item name="sex" label={t('family.field.sex')}>
            <Radio.Group disabled={idGiven}>
              <Radio value="male">{t('family.sex.male')}</Radio>
              <Radio value="female">{t('family.sex.female')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="regionCode" label={t('family.field.community')} extra={t('family.communityHint')}>
            <RegionSelect level={5} placeholder={t('family.communityPlaceholder')} testId="signup-region" />
          </Form.Item>
          <Form.Item name="address" label={t('family.field.address')}>
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={signup.isPending}
            data-testid="signup-submit"
          >
            {t('signup.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.signIn')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
