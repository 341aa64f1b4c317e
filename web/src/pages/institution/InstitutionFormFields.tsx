import { AimOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Col,
  Divider,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOURS_DAYS } from '../../components/care/OpeningHours';
import { RegionSelect } from '../../components/RegionSelect';
import {
  CARE_FORMS,
  codeOptions,
  DEFAULT_UNIT,
  FUNCTIONS,
  INSTITUTION_KINDS,
  OPERATORS,
  priceItemsFor,
  sectorsOf,
  UNITS,
} from '../../lib/care-codes';
import type { EditValues } from './institution-form-values';
import { LocationPicker } from './LocationPicker';

/**
 * Every field of an institution's profile, for create, edit and self-registration forms alike.
 * `testIdPrefix` names the inputs (`institution-name`, `register-name`…) so each form is addressable.
 */
export function InstitutionFormFields({
  form,
  testIdPrefix = 'institution',
}: {
  form: FormInstance<EditValues>;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const tid = (field: string) => `${testIdPrefix}-${field}`;
  const [picking, setPicking] = useState(false);
  const affordable = Form.useWatch('affordable', form);
  const careForms: string[] = Form.useWatch('careForms', form) ?? [];
  const kind: string | undefined = Form.useWatch('kind', form);
  const sectors = sectorsOf(kind);
  const priceItems = priceItemsFor(kind, careForms);
  const regionCode = Form.useWatch('regionCode', form);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const required = (key: string) => ({
    required: true,
    message: t('institution.required', { field: t(key) }),
  });

  return (
    <>
      <Form.Item name="name" label={t('institution.name')} rules={[required('institution.name')]}>
        <Input maxLength={100} data-testid={tid('name')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('institution.kind')} rules={[required('institution.kind')]}>
            <Select options={codeOptions(t, 'kind', INSTITUTION_KINDS)} data-testid={tid('kind')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="operator"
            label={t('institution.operator')}
            rules={[required('institution.operator')]}
          >
            <Select options={codeOptions(t, 'operator', OPERATORS)} data-testid={tid('operator')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="creditCode"
            label={t('institution.creditCode')}
            rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('institution.creditCodeRule') }]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="legalRepresentative" label={t('institution.legalRepresentative')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <Form.Item name="affordable" label={t('institution.affordable')} valuePropName="checked">
            <Switch data-testid={tid('affordable')} />
          </Form.Item>
        </Col>
        {affordable && (
          <Col xs={12} sm={12}>
            <Form.Item name="priceCap" label={t('institution.priceCap')}>
              <InputNumber
                min={0}
                precision={0}
                style={{ width: '100%' }}
                suffix={t('institution.yuanPerMonth')}
                data-testid={tid('price-cap')}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item
        name="regionCode"
        label={t('institution.region')}
        extra={t('institution.regionHint')}
        rules={[required('institution.region')]}
      >
        <RegionSelect level={5} testId={tid('region')} />
      </Form.Item>
      <Form.Item name="address" label={t('institution.address')} rules={[required('institution.address')]}>
        <Input maxLength={200} data-testid={tid('address')} />
      </Form.Item>
      <Row gutter={12} align="bottom">
        <Col xs={12} sm={8}>
          <Form.Item name="lat" label={t('directory.lat')}>
            <InputNumber
              min={-90}
              max={90}
              step={0.0001}
              style={{ width: '100%' }}
              data-testid={tid('lat')}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="lng" label={t('directory.lng')}>
            <InputNumber
              min={-180}
              max={180}
              step={0.0001}
              style={{ width: '100%' }}
              data-testid={tid('lng')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item>
            <Button icon={<AimOutlined />} onClick={() => setPicking(true)} block>
              {t('institution.pickLocation')}
            </Button>
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="floor" label={t('institution.floor')} tooltip={t('institution.floorHint')}>
            <InputNumber
              min={-5}
              max={100}
              precision={0}
              style={{ width: '100%' }}
              data-testid={tid('floor')}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="phone" label={t('institution.phone')}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('institution.careAndPrices')}</Divider>
      {sectors.childcare && (
        <Form.Item name="careForms" label={t('institution.careForms')}>
          <Checkbox.Group options={codeOptions(t, 'careForm', CARE_FORMS)} data-testid={tid('care-forms')} />
        </Form.Item>
      )}
      <Row gutter={12}>
        {priceItems.map((item) => (
          <Col xs={12} sm={6} key={item}>
            <Form.Item
              name={['prices', item]}
              label={t(item === 'meals' ? 'institution.pricePerMeal' : 'institution.priceOf', {
                form: t(`codes.priceItem.${item}`),
              })}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix="¥" />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        {sectors.childcare && (
          <>
            <Col xs={12} sm={6}>
              <Form.Item name="minAgeMonths" label={t('institution.minAgeMonths')}>
                <InputNumber
                  min={0}
                  max={36}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid={tid('min-age')}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="maxAgeMonths" label={t('institution.maxAgeMonths')}>
                <InputNumber
                  min={0}
                  max={36}
                  precision={0}
                  style={{ width: '100%' }}
                  data-testid={tid('max-age')}
                />
              </Form.Item>
            </Col>
          </>
        )}
        {HOURS_DAYS.map((day) => (
          <Col xs={12} sm={6} key={day}>
            <Form.Item
              name={['hours', day]}
              label={t(`institution.hours.${day}`)}
              rules={[{ pattern: /^\d{2}:\d{2}-\d{2}:\d{2}$/, message: t('institution.hoursRule') }]}
            >
              <Input placeholder="07:30-18:00" maxLength={11} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider titlePlacement="start">{t('institution.functions')}</Divider>
      <Form.List name="functions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[field.name, 'function']} rules={[required('institution.function')]}>
                  <Select
                    style={{ width: 170 }}
                    options={codeOptions(t, 'function', FUNCTIONS)}
                    onChange={(fn: keyof typeof DEFAULT_UNIT) =>
                      form.setFieldValue(['functions', field.name, 'unit'], DEFAULT_UNIT[fn])
                    }
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'capacity']} rules={[required('institution.capacity')]}>
                  <InputNumber
                    min={0}
                    precision={0}
                    placeholder={t('institution.capacity')}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} rules={[required('institution.unit')]}>
                  <Select style={{ width: 110 }} options={codeOptions(t, 'unit', UNITS)} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.delete')}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ capacity: 0, unit: 'places' })}
            >
              {t('institution.addFunction')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="chainOperator" label={t('institution.chainOperator')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="entrustedBy" label={t('institution.entrustedBy')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('institution.description')}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <LocationPicker
        open={picking}
        regionCode={regionCode}
        value={typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null}
        onPick={(point) => form.setFieldsValue({ lat: point.lat, lng: point.lng })}
        onClose={() => setPicking(false)}
      />
    </>
  );
}
