import { CheckCircleOutlined, InboxOutlined } from '@ant-design/icons';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Grid, Space, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, post } from '../api/client';
import type { ImportResult } from '../api/types';

export interface ImportDrawerProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What the file must hold (columns), shown above the drop zone. */
  intro: ReactNode;
  /** The import endpoint; `?dryRun=true|false` is added. */
  endpoint: string;
  /** Queries to refresh once rows were written. */
  invalidate: QueryKey;
  testId: string;
}

/**
 * A spreadsheet import: a dry run first, showing every bad row; the real import only once the
 * file is clean (the server writes nothing when any row is bad).
 */
export function ImportDrawer({
  open,
  onClose,
  title,
  intro,
  endpoint,
  invalidate,
  testId,
}: ImportDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);

  const upload = useMutation<ImportResult, ApiError, boolean>({
    mutationFn: (dryRun) => {
      const form = new FormData();
      form.append('file', file!);
      return post<ImportResult>(endpoint, form, { dryRun });
    },
    onSuccess: async (result) => {
      if (result.dryRun) {
        setChecked(result);
        return;
      }
      message.success(t('import.done', { count: result.written }));
      await queryClient.invalidateQueries({ queryKey: invalidate });
      setChecked(null);
      setFile(null);
      onClose();
    },
  });

  const chooseFile = (next: File | null) => {
    setFile(next);
    setChecked(null);
    upload.reset();
  };
  const clean = checked !== null && checked.errors.length === 0 && checked.valid > 0;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden={false}
      data-testid={testId}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          beforeUpload={(next) => {
            chooseFile(next);
            return false;
          }}
          onRemove={() => chooseFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
        <Space wrap>
          <Button
            disabled={!file}
            loading={upload.isPending && upload.variables === true}
            onClick={() => upload.mutate(true)}
            data-testid="import-dry-run"
          >
            {t('import.dryRun')}
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={!clean}
            loading={upload.isPending && upload.variables === false}
            onClick={() => upload.mutate(false)}
            data-testid="import-confirm"
          >
            {t('import.confirm')}
          </Button>
        </Space>
        {upload.error && (
          <Alert type="error" showIcon title={upload.error.message} data-testid="import-error" />
        )}
        {checked && (
          <>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, sm: 3 }}
              items={[
                { key: 'rows', label: t('import.rows'), children: checked.rows },
                { key: 'valid', label: t('import.valid'), children: checked.valid },
                { key: 'errors', label: t('import.errorCount'), children: checked.errors.length },
              ]}
            />
            {clean ? (
              <Alert type="success" showIcon title={t('import.clean', { count: checked.valid })} />
            ) : (
              <Alert type="warning" showIcon title={t('import.hasErrors')} />
            )}
            {checked.errors.length > 0 && (
              <Table
                size="small"
                rowKey={(row) => `${row.row}-${row.field}-${row.message}`}
                dataSource={checked.errors}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 480 }}
                data-testid="import-errors"
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 70 },
                  { title: t('import.field'), dataIndex: 'field', width: 150 },
                  { title: t('import.message'), dataIndex: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Drawer>
  );
}
