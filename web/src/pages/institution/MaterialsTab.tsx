import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Image,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, del } from '../../api/client';
import { careKeys, uploadUrl, useFiling, useUploads } from '../../api/institutions';
import type { Institution, Upload as StoredUpload } from '../../api/types';
import {
  MATERIAL_ACCEPT,
  MAX_UPLOAD_BYTES,
  MaterialsChecklist,
  UploadLink,
  useUploadMaterial,
} from '../../components/care/MaterialsChecklist';
import { codeLabel, codeOptions, UPLOAD_KINDS } from '../../lib/care-codes';
import { formatDateTime } from '../../lib/format';

/**
 * Materials and photos: the checklist of the open filing (present or missing), every stored file
 * with download and delete, and photos for the public page.
 */
export function MaterialsTab({ institution, canManage }: { institution: Institution; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const uploads = useUploads(institution.id);
  const filing = useFiling(institution.currentFiling?.id);
  const upload = useUploadMaterial(institution.id);
  const [kind, setKind] = useState<string>('photo');
  const files = uploads.data ?? [];
  const photos = files.filter((f) => f.kind === 'photo');

  const remove = useMutation<void, ApiError, string>({
    mutationFn: (id) => del(`/api/uploads/${id}`),
    onSuccess: async () => {
      message.success(t('materials.deleted'));
      await queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institution.id) });
      await queryClient.invalidateQueries({ queryKey: ['filings', 'detail'] });
    },
    onError: (error) => message.error(error.message),
  });

  const picker = (
    <Upload
      accept={MATERIAL_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > MAX_UPLOAD_BYTES) message.error(t('materials.tooLarge'));
        else upload.mutate({ kind, file });
        return false;
      }}
    >
      <Button type="primary" icon={<PlusOutlined />} loading={upload.isPending} data-testid="upload-file">
        {t('materials.uploadFile')}
      </Button>
    </Upload>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('materials.checklist')}>
        {filing.data ? (
          <MaterialsChecklist
            materials={filing.data.materials}
            named={filing.data.missingMaterials}
            uploadTo={canManage ? institution.id : undefined}
          />
        ) : (
          <Typography.Text type="secondary">{t('materials.noFiling')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('materials.photos')}>
        {photos.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('directory.noPhotos')} />
        ) : (
          <Image.PreviewGroup>
            <Space wrap>
              {photos.map((photo) => (
                <Image
                  key={photo.id}
                  src={uploadUrl(photo.id)}
                  width={140}
                  height={105}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>
      <Card
        size="small"
        title={t('materials.allFiles')}
        extra={
          canManage && (
            <Space wrap>
              <Select
                value={kind}
                onChange={setKind}
                style={{ width: 200 }}
                options={codeOptions(t, 'uploadKind', UPLOAD_KINDS)}
                data-testid="upload-kind"
              />
              {picker}
            </Space>
          )
        }
      >
        {uploads.isError && <Alert type="error" showIcon title={uploads.error.message} />}
        <Table<StoredUpload>
          size="small"
          rowKey="id"
          dataSource={files}
          loading={uploads.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          data-testid="uploads-table"
          columns={[
            {
              title: t('materials.kind'),
              dataIndex: 'kind',
              width: 180,
              render: (v: string) => codeLabel(t, 'uploadKind', v),
            },
            { title: t('materials.file'), key: 'file', render: (_, row) => <UploadLink upload={row} /> },
            {
              title: t('materials.size'),
              dataIndex: 'size',
              width: 100,
              render: (v: number) => `${Math.max(1, Math.round(v / 1024))} KB`,
            },
            {
              title: t('materials.uploadedAt'),
              dataIndex: 'uploadedAt',
              width: 170,
              render: (v: string) => formatDateTime(v),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, row: StoredUpload) => (
                      <Popconfirm
                        title={t('materials.confirmDelete', { name: row.filename })}
                        onConfirm={() => remove.mutateAsync(row.id).catch(() => undefined)}
                        okText={t('common.ok')}
                        cancelText={t('common.cancel')}
                      >
                        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
