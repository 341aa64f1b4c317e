import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, List, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCompliance } from '../../api/institutions';
import type { ComplianceIssue } from '../../api/types';
import { PageLoading } from '../PageLoading';

/** What breaks (errors) or soon breaks (warnings) the standards, errors first. */
export function CompliancePanel({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const compliance = useCompliance(institutionId);
  if (compliance.isPending) return <PageLoading />;
  if (compliance.isError) return <Alert type="error" showIcon title={compliance.error.message} />;
  const issues = [...compliance.data.issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <div data-testid="compliance-issues" data-ok={compliance.data.ok ? 'true' : 'false'}>
      {issues.length === 0 ? (
        <Result icon={<CheckCircleOutlined style={{ color: '#3f8f5f' }} />} title={t('compliance.allGood')} />
      ) : (
        <>
          <Alert
            type={errors > 0 ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t('compliance.summary', { errors, warnings: issues.length - errors })}
          />
          <List<ComplianceIssue>
            size="small"
            bordered
            dataSource={issues}
            renderItem={(issue) => (
              <List.Item data-testid="compliance-issue" data-rule={issue.rule}>
                <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', width: '100%' }}>
                  <Tag
                    color={issue.severity === 'error' ? 'red' : 'orange'}
                    style={{ flex: 'none', minWidth: 56, textAlign: 'center' }}
                  >
                    {t(`compliance.severity.${issue.severity}`)}
                  </Tag>
                  <div style={{ minWidth: 0 }}>
                    <div>{issue.message}</div>
                    {issue.subject && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`compliance.subject.${issue.subject.type}`)} · {issue.subject.name}
                      </Typography.Text>
                    )}
                  </div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
