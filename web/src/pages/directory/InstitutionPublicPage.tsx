import { ArrowLeftOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { photoUrl, useDirectoryEntry } from '../../api/directory';
import { OpeningHours } from '../../components/care/OpeningHours';
import { PageLoading } from '../../components/PageLoading';
import { codeLabel, KIND_COLORS, priceText } from '../../lib/care-codes';
import { BookButton } from '../book/BookButton';
import { GradeStars } from './DirectoryCard';

/** The public page of one filed institution: what it offers, free places, prices, hours, photos. */
export default function InstitutionPublicPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const entry = useDirectoryEntry(id);

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(-1)}
      style={{ paddingInline: 0 }}
    >
      {t('directory.back')}
    </Button>
  );
  if (entry.isPending) return <PageLoading />;
  if (entry.isError) {
    const notFound = entry.error instanceof ApiError && entry.error.status === 404;
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Alert
          type={notFound ? 'warning' : 'error'}
          showIcon
          title={notFound ? t('directory.notFound') : entry.error.message}
        />
      </Space>
    );
  }
  const item = entry.data;
  const prices = Object.entries(item.prices ?? {});

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%', maxWidth: 1100, margin: '0 auto' }}
      data-testid="institution-public"
    >
      {back}
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {item.name}
        </Typography.Title>
        <Space wrap size={[6, 6]}>
          <Tag color={KIND_COLORS[item.kind]}>{codeLabel(t, 'kind', item.kind)}</Tag>
          {item.affordable && (
            <Tag color="red">
              {item.priceCap
                ? t('directory.affordableCap', { price: item.priceCap })
                : t('directory.affordable')}
            </Tag>
          )}
          {item.careForms.map((form) => (
            <Tag key={form}>{codeLabel(t, 'careForm', form)}</Tag>
          ))}
          <GradeStars grade={item.grade} stars={item.stars} />
        </Space>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <EnvironmentOutlined /> {[item.regionName, item.address].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
        {item.phone && (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            <PhoneOutlined /> <a href={`tel:${item.phone}`}>{item.phone}</a>
          </Typography.Paragraph>
        )}
        {item.description && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {item.description}
          </Typography.Paragraph>
        )}
        <BookButton institutionId={item.id} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('directory.places')} size="small" style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'capacity', label: t('directory.capacity'), children: item.capacity ?? '—' },
                { key: 'free', label: t('directory.free'), children: item.freePlaces ?? '—' },
                {
                  key: 'ages',
                  label: t('directory.ages'),
                  children:
                    item.minAgeMonths !== null && item.maxAgeMonths !== null
                      ? t('directory.ageRange', { min: item.minAgeMonths, max: item.maxAgeMonths })
                      : '—',
                },
              ]}
            />
            {item.classes.length > 0 && (
              <Table
                size="small"
                rowKey="type"
                pagination={false}
                dataSource={item.classes}
                style={{ marginTop: 8 }}
                columns={[
                  {
                    title: t('classes.type'),
                    dataIndex: 'type',
                    render: (v: string) => codeLabel(t, 'classType', v),
                  },
                  { title: t('classes.capacity'), dataIndex: 'capacity', width: 90 },
                  {
                    title: t('directory.free'),
                    dataIndex: 'free',
                    width: 90,
                    render: (v: number) => (
                      <Typography.Text type={v > 0 ? 'success' : 'secondary'}>{v}</Typography.Text>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('directory.pricesAndHours')} size="small" style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                ...prices.map(([form, price]) => ({
                  key: form,
                  label: codeLabel(t, 'priceItem', form),
                  children: priceText(t, form, price),
                })),
                ...(prices.length === 0
                  ? [{ key: 'none', label: t('directory.prices'), children: '—' }]
                  : []),
              ]}
            />
            <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
              {t('institution.openingHours')}
            </Typography.Text>
            <OpeningHours hours={item.openingHours} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('institution.functions')} size="small" style={{ height: '100%' }}>
            {item.functions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Space wrap>
                {item.functions.map((f) => (
                  <Tag key={f.function}>
                    {codeLabel(t, 'function', f.function)} · {f.capacity} {codeLabel(t, 'unit', f.unit)}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('directory.inspections')} size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary" data-testid="inspection-summary">
              {t('directory.noInspections')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card title={t('directory.photos')} size="small">
        {item.photos.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('directory.noPhotos')} />
        ) : (
          <Image.PreviewGroup>
            <Space wrap>
              {item.photos.map((uploadId) => (
                <Image
                  key={uploadId}
                  src={photoUrl(uploadId)}
                  width={160}
                  height={120}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  alt={item.name}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>
    </Space>
  );
}
