import { UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, type FormInstance, Grid, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ApiError, errorField, isApiError, post, setCsrfToken } from '../../api/client';
import { fetchMe, keys, useMe } from '../../api/queries';
import type { Account, Institution, LoginResult } from '../../api/types';
import { PasswordFields } from '../../components/PasswordFields';
import { InstitutionFormFields } from '../institution/InstitutionFormFields';
import type { EditValues } from '../institution/institution-form-values';
import { type RegisterValues, registerFieldOf, toRegisterBody } from './register-fields';

interface Registered {
  institution: Institution;
  account: Account;
}

const INITIAL: Partial<RegisterValues> = { affordable: false, careForms: [], functions: [], hours: {} };

/**
 * Public self-registration (机构入驻): an operator registers a draft institution and its
 * administrator on one page, is signed in with the new account and lands on the filing tab,
 * where the materials checklist and the submit button are. No official is needed to start.
 */
export default function RegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const cardSize = Grid.useBreakpoint().md === false ? 'small' : 'default';
  const [form] = Form.useForm<RegisterValues>();
  // The profile fields see only their part of the values (RegisterValues extends EditValues).
  const profileForm = form as unknown as FormInstance<EditValues>;
  const [unplaced, setUnplaced] = useState<string | null>(null);

  const signInAs = async (username: string, password: string) => {
    const result = await post<LoginResult>('/api/auth/login', { username, password });
    setCsrfToken(result.csrfToken);
    // Whatever was cached belonged to the previous visitor (or nobody): start afresh.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    const session = await queryClient.fetchQuery({ queryKey: keys.me, queryFn: fetchMe, staleTime: 0 });
    return session?.account.mustChangePassword ?? result.account.mustChangePassword;
  };

  const register = useMutation<Registered, ApiError, RegisterValues>({
    mutationFn: (values) => post<Registered>('/api/institutions/register', toRegisterBody(values)),
    onMutate: () => setUnplaced(null),
    onSuccess: async (registered, values) => {
      try {
        const mustChange = await signInAs(registered.account.username, values.password);
        message.success(t('register.registered', { name: registered.institution.name }));
        navigate(mustChange ? '/password' : '/institution/filing', { replace: true });
      } catch (error) {
        const reason = isApiError(error) ? error.message : String(error);
        setUnplaced(t('register.signInFailed', { message: reason }));
      }
    },
    onError: (error) => {
      const name = registerFieldOf(errorField(error));
      if (name) {
        // Paths come from the server (`prices.full_day`), so address the form untyped.
        const fields = form as FormInstance;
        fields.setFields([{ name, errors: [error.message] }]);
        if (fields.getFieldError(name).length > 0) {
          fields.scrollToField(name, { block: 'center' });
          return;
        }
      }
      setUnplaced(error.message);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
  });

  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('register.subtitle')}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('register.steps')} />
      {me.data && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('register.signedInAs', { name: me.data.account.displayName })}
        />
      )}
      {unplaced && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={unplaced}
          data-testid="register-error"
        />
      )}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        initialValues={INITIAL}
        onFinish={(values) => register.mutate(values)}
        onFinishFailed={({ errorFields }) => {
          message.warning(t('register.fixErrors'));
          if (errorFields[0]) form.scrollToField(errorFields[0].name, { block: 'center' });
        }}
        scrollToFirstError={false}
        data-testid="register-form"
      >
        <Card title={t('register.institutionSection')} size={cardSize} style={{ marginBottom: 16 }}>
          <InstitutionFormFields form={profileForm} testIdPrefix="register" />
        </Card>
        <Card title={t('register.adminSection')} size={cardSize} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('register.adminHint')}</Typography.Paragraph>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['admin', 'username']}
                label={t('register.username')}
                rules={[
                  { required: true, whitespace: true, message: t('accounts.usernameRequired') },
                  { pattern: /^\s*[A-Za-z0-9_.-]{3,32}\s*$/, message: t('accounts.usernameRule') },
                ]}
              >
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  maxLength={32}
                  data-testid="register-username"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['admin', 'displayName']}
                label={t('register.displayName')}
                rules={[{ required: true, whitespace: true, message: t('accounts.displayNameRequired') }]}
              >
                <Input maxLength={64} autoComplete="name" data-testid="register-display-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['admin', 'phone']}
                label={t('register.phone')}
                rules={[
                  { required: true, message: t('accounts.phoneRule') },
                  { pattern: /^\s*1\d{10}\s*$/, message: t('accounts.phoneRule') },
                ]}
              >
                <Input inputMode="tel" maxLength={11} autoComplete="tel" data-testid="register-phone" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <PasswordFields name="password" label={t('register.password')} />
            </Col>
          </Row>
        </Card>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={register.isPending}
          data-testid="register-submit"
        >
          {t('register.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
          {t('register.haveAccount')} <Link to="/login">{t('register.signIn')}</Link>
        </Typography.Paragraph>
      </Form>
    </div>
  );
}
