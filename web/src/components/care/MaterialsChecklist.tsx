import { CheckCircleFilled, CloseCircleFilled, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, List, Space, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ApiError, post } from '../../api/client';
import { careKeys, uploadUrl } from '../../api/institutions';
import type { FilingMaterial, Upload as StoredUpload } from '../../api/types';
import { codeLabel } from '../../lib/care-codes';

/** Files the server accepts for materials, checked again from the bytes there. */
export const MATERIAL_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Upload one file of a kind to an institution; refreshes its uploads and filings. */
export function useUploadMaterial(institutionId: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation<StoredUpload, ApiError, { kind: string; file: File }>({
    mutationFn: ({ kind, file }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      return post<StoredUpload>(`/api/institutions/${institutionId}/uploads`, form);
    },
    onSuccess: async (upload) => {
      message.success(t('materials.uploaded', { name: upload.filename }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: careKeys.ofInstitution(institutionId) }),
        queryClient.invalidateQueries({ queryKey: ['filings', 'detail'] }),
      ]);
    },
    onError: (error) => message.error(error.message),
  });
}

/** A file link that downloads through the scoped, audited /api/uploads/:id. */
export function UploadLink({ upload }: { upload: StoredUpload }) {
  return (
    <a href={uploadUrl(upload.id)} target="_blank" rel="noreferrer" data-testid="upload-link">
      <PaperClipOutlined /> {upload.filename}
    </a>
  );
}

interface MaterialsChecklistProps {
  materials: FilingMaterial[];
  /** Materials the authority named missing when it returned the filing. */
  named?: string[];
  /** Given when the viewer may upload (the institution's own admin). */
  uploadTo?: string;
}

/** Each material the filing needs: present or missing, its files, and an upload button. */
export function MaterialsChecklist({ materials, named = [], uploadTo }: MaterialsChecklistProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadMaterial(uploadTo ?? '');
  return (
    <List
      size="small"
      bordered
      data-testid="materials-checklist"
      dataSource={materials}
      renderItem={(material) => {
        const flagged = named.includes(material.kind);
        return (
          <List.Item
            data-testid="material-item"
            data-kind={material.kind}
            data-present={material.present ? 'true' : 'false'}
            actions={
              uploadTo
                ? [
                    <Upload
                      key="upload"
                      accept={MATERIAL_ACCEPT}
                      showUploadList={false}
                      beforeUpload={(file) => {
                        if (file.size > MAX_UPLOAD_BYTES) {
                          message.error(t('materials.tooLarge'));
                          return false;
                        }
                        upload.mutate({ kind: material.kind, file });
                        return false;
                      }}
                    >
                      <Button
                        size="small"
                        icon={<UploadOutlined />}
                        loading={upload.isPending && upload.variables?.kind === material.kind}
                        data-testid="upload-material"
                      >
                        {t('materials.upload')}
                      </Button>
                    </Upload>,
                  ]
                : undefined
            }
          >
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <Space wrap size={4}>
                {material.present ? (
                  <CheckCircleFilled style={{ color: '#3f8f5f' }} />
                ) : (
                  <CloseCircleFilled style={{ color: material.required ? '#c2413b' : '#bfbfbf' }} />
                )}
                <Typography.Text strong>
                  {material.name || codeLabel(t, 'material', material.kind)}
                </Typography.Text>
                {material.required ? (
                  <Tag color="blue">{t('materials.required')}</Tag>
                ) : (
                  <Tag>{t('materials.optional')}</Tag>
                )}
                <Tag color={material.present ? 'green' : material.required ? 'red' : 'default'}>
                  {t(material.present ? 'materials.present' : 'materials.missing')}
                </Tag>
                {flagged && <Tag color="orange">{t('materials.namedMissing')}</Tag>}
              </Space>
              {material.uploads.map((file) => (
                <UploadLink key={file.id} upload={file} />
              ))}
            </Space>
          </List.Item>
        );
      }}
    >
      {upload.error && <Alert type="error" showIcon title={upload.error.message} />}
    </List>
  );
}
