import { HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  useAssessmentForm,
  useAssessmentHistory,
  useLiveScore,
  useRecordAssessment,
} from '../../api/assessments';
import { isApiError } from '../../api/client';
import { PageLoading } from '../../components/PageLoading';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { AssessmentDetails, type DetailValues } from './AssessmentDetails';
import { AssessmentItemField } from './AssessmentItemField';
import { chinaToday, firstUnanswered, itemAnchor, riskEventList, scoreInput } from './assessment-form';
import { LiveScoreBar } from './LiveScoreBar';
import { PersonSummary } from './PersonSummary';
import { RuleInputs, type RuleValues } from './RuleInputs';

const scrollToItem = (key: string) =>
  document.getElementById(itemAnchor(key))?.scrollIntoView({ behavior: 'smooth', block: 'start' });

/**
 * A new capability assessment at the person's home, on a tablet: the 26 items in their four
 * groups with large buttons per level, the final-grade rule inputs, the live total and grade
 * (scored by the server as the form fills in), reason, day and notes, then save.
 */
export default function NewAssessmentPage() {
  const { personId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const form = useAssessmentForm(i18n.language);
  const history = useAssessmentHistory(personId);
  const record = useRecordAssessment(personId);
  const today = chinaToday();

  const [scores, setScores] = useState<Record<string, number>>({});
  const [rules, setRules] = useState<RuleValues>({ coma: false, dementia: false, riskCounts: {} });
  const [details, setDetails] = useState<Omit<DetailValues, 'reason'> & { reason?: DetailValues['reason'] }>({
    assessedOn: today,
    minutes: null,
    notes: '',
  });
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const riskEvents = useMemo(() => riskEventList(rules.riskCounts), [rules.riskCounts]);
  const input = useMemo(
    () =>
      scoreInput(form.data, scores, {
        coma: rules.coma,
        dementia: rules.dementia,
        riskEvents: riskEvents.length,
      }),
    [form.data, scores, rules.coma, rules.dementia, riskEvents.length],
  );
  const debounced = useDebouncedValue(input, 300);
  const live = useLiveScore(debounced);

  if (form.isPending || history.isPending) return <PageLoading />;
  if (form.isError || history.isError) {
    const error = form.error ?? history.error;
    return (
      <Result status={isApiError(error) && error.status === 403 ? '403' : 'error'} title={error?.message} />
    );
  }
  const hasHistory = history.data.items.length > 0;
  const reason = details.reason ?? (hasHistory ? 'routine' : 'first');
  const answered = Object.keys(scores).length;
  const score = input ? (live.data ?? null) : null;

  const setScore = (key: string, value: number) => {
    setScores((s) => ({ ...s, [key]: value }));
    if (fieldError?.field === `scores.${key}`) setFieldError(null);
  };

  const save = () => {
    setSaveError(null);
    const missing = firstUnanswered(form.data, scores);
    if (missing) {
      setFieldError({
        field: `scores.${missing}`,
        message: t('assessmentRecords.missingItems', {
          count: form.data.groups.flatMap((g) => g.items).length - answered,
        }),
      });
      scrollToItem(missing);
      return;
    }
    record.mutate(
      {
        assessedOn: details.assessedOn,
        reason,
        scores,
        coma: rules.coma,
        dementia: rules.dementia,
        riskEvents30d: riskEvents,
        notes: details.notes.trim() || null,
        minutes: details.minutes,
      },
      {
        onSuccess: (stored) => {
          message.success(t('assessmentRecords.saved', { date: stored.nextDueOn }));
          navigate(`/assessments/person/${personId}`);
        },
        onError: (error) => {
          const field = isApiError(error) ? error.field : undefined;
          if (field?.startsWith('scores.')) {
            setFieldError({ field, message: error.message });
            scrollToItem(field.slice('scores.'.length));
          } else if (field === 'assessedOn') setFieldError({ field, message: error.message });
          else setSaveError(error.message);
        },
      },
    );
  };

  return (
    // A plain column (not Space, whose item wrappers would trap the sticky score bar).
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card size="small">
        <PersonSummary
          person={history.data.person}
          extra={
            <Button icon={<HistoryOutlined />} onClick={() => navigate(`/assessments/person/${personId}`)}>
              {t('assessmentRecords.history')}
            </Button>
          }
        />
      </Card>
      <LiveScoreBar
        form={form.data}
        answered={answered}
        score={score}
        scoring={input !== null && (input !== debounced || live.isFetching)}
      />
      {live.isError && input && <Alert type="warning" showIcon title={live.error.message} />}
      {form.data.groups.map((group) => (
        <Card
          key={group.key}
          size="small"
          title={
            <Typography.Text strong style={{ fontSize: 16 }}>
              {group.number} {group.name}
            </Typography.Text>
          }
          extra={
            <Typography.Text type="secondary" data-testid={`group-score-${group.key}`}>
              {score ? `${score.groups[group.key]?.score ?? 0} / ${group.max}` : `— / ${group.max}`}
            </Typography.Text>
          }
        >
          {group.items.map((item) => (
            <AssessmentItemField
              key={item.key}
              item={item}
              value={scores[item.key]}
              error={fieldError?.field === `scores.${item.key}` ? fieldError.message : undefined}
              onChange={(value) => setScore(item.key, value)}
            />
          ))}
        </Card>
      ))}
      <RuleInputs form={form.data} value={rules} onChange={setRules} />
      <AssessmentDetails
        form={form.data}
        value={{ ...details, reason }}
        onChange={(next) => {
          setDetails(next);
          if (fieldError?.field === 'assessedOn') setFieldError(null);
        }}
        hasHistory={hasHistory}
        firstDay={history.data.person.sixtiethBirthday}
        today={today}
        dateError={fieldError?.field === 'assessedOn' ? fieldError.message : undefined}
      />
      {saveError && <Alert type="error" showIcon title={saveError} data-testid="assessment-save-error" />}
      <Button
        type="primary"
        size="large"
        block
        loading={record.isPending}
        onClick={save}
        style={{ height: 56, fontSize: 18 }}
        data-testid="assessment-save"
      >
        {t('assessmentRecords.save')}
      </Button>
    </div>
  );
}
