/**
 * The committee's forward plan: each meeting's date and the reports it receives (framework
 * report, paras 13-15). Editors add and edit meetings; a new meeting's reports start from the
 * framework (general update always; quarterly report in June, September and December; annual
 * review in March). Everyone else reads it.
 */
import * as React from 'react';
import { Checkbox, IColumn, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { defaultReportsFor } from '../../../domain/cycle';
import { REPORT_KINDS, ReportKind } from '../../../domain/report';
import type { CommitteeMeeting } from '../../../domain/types';
import { validateCommitteeMeeting, ValidationError } from '../../../domain/validation';
import type { NewItem } from '../../../data/repositories';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { loadWithAccess } from '../../../components/loadWithAccess';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { UkDatePicker } from '../../../components/UkDatePicker';
import { editColumn, RegisterList, useEditedList } from '../../../components/editableList';
import { withWrappingHeaders } from '../../../components/wrappingHeaders';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { useItemEditor } from '../../../components/useItemEditor';
import { formatDate } from '../../../components/format';

/** Names of the report kinds, as the committee reads them. */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  highlight: strings.ReportKindHighlight,
  quarterly: strings.ReportKindQuarterly,
  annual: strings.ReportKindAnnual
};

/** Values of the meeting form. */
interface IMeetingValues {
  title: string;
  meetingDate?: string;
  reports: ReportKind[];
}

const meetingValues = (m: CommitteeMeeting | undefined): IMeetingValues => ({ title: m?.title ?? '', meetingDate: m?.meetingDate, reports: m ? m.reports.slice() : [] });

/** Props of `ForwardPlan`. */
export interface IForwardPlanProps {
  /** Today (YYYY-MM-DD): the month a new meeting's date picker opens on. */
  today?: string;
}

/** The forward plan, meetings in date order. */
export function ForwardPlan(props: IForwardPlanProps): JSX.Element {
  const repositories = useRepositories();
  const load = useAsync(() => loadWithAccess(repositories, ['meetings'], 'committeeMeetings'), [repositories]);
  const { items: meetings, editing, setEditing, onSaved } = useEditedList<CommitteeMeeting>(load.value?.data.meetings);
  const sorted = React.useMemo(() => meetings.slice().sort((a, b) => a.meetingDate.localeCompare(b.meetingDate)), [meetings]);
  const canEdit = load.value?.canEdit === true;
  const columns = React.useMemo(() => {
    const cols: IColumn[] = [
      { key: 'date', name: lazyStrings.FieldMeetingDate, minWidth: 120, maxWidth: 150, onRender: (m: CommitteeMeeting) => <strong>{formatDate(m.meetingDate) ?? m.meetingDate}</strong> },
      { key: 'title', name: lazyStrings.FieldMeetingTitle, minWidth: 200, maxWidth: 320, isMultiline: true, onRender: (m: CommitteeMeeting) => m.title },
      {
        key: 'reports',
        name: lazyStrings.FieldReportsReceived,
        minWidth: 200,
        maxWidth: 360,
        isMultiline: true,
        onRender: (m: CommitteeMeeting) => REPORT_KINDS.filter((k) => m.reports.indexOf(k) >= 0).map((k) => REPORT_KIND_LABELS[k]).join(', ')
      }
    ];
    if (canEdit) cols.push(editColumn<CommitteeMeeting>(setEditing));
    return withWrappingHeaders(cols);
  }, [canEdit, setEditing]);

  if (load.loading && !load.value) return <Loading />;
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Text as="p">{lazyStrings.ForwardPlanIntro}</Text>
      <ErrorBar error={load.error} onRetry={load.reload} />
      {load.value && (
        <>
          {canEdit ? (
            <Stack horizontal>
              <PrimaryButton iconProps={{ iconName: 'Add' }} text={lazyStrings.NewMeeting} onClick={() => setEditing('new')} />
            </Stack>
          ) : (
            <MessageBar messageBarType={MessageBarType.info}>{strings.RegisterReadOnlyNotice}</MessageBar>
          )}
          <section aria-label={strings.ReportTabForwardPlan}>
            {sorted.length === 0 ? <Text as="p">{lazyStrings.ForwardPlanNone}</Text> : <RegisterList items={sorted} columns={columns} setKey="meetings" ariaLabel={strings.ReportTabForwardPlan} />}
          </section>
          {editing !== undefined && (
            <MeetingForm
              meeting={editing === 'new' ? undefined : editing}
              others={meetings}
              userId={load.value.me.id}
              today={props.today}
              onSaved={onSaved}
              onDismiss={() => setEditing(undefined)}
            />
          )}
        </>
      )}
    </Stack>
  );
}

/** Add or edit a meeting. */
function MeetingForm(props: {
  meeting: CommitteeMeeting | undefined;
  others: readonly CommitteeMeeting[];
  userId: number;
  today?: string;
  onSaved: (m: CommitteeMeeting) => void;
  onDismiss: () => void;
}): JSX.Element {
  const { meeting, others, userId, onSaved, onDismiss } = props;
  const repositories = useRepositories();
  const convert = React.useCallback(
    (v: IMeetingValues): { model: NewItem<CommitteeMeeting>; errors: ValidationError[] } => {
      const model = { title: v.title.trim(), meetingDate: v.meetingDate, reports: REPORT_KINDS.filter((k) => v.reports.indexOf(k) >= 0) };
      return { model: model as NewItem<CommitteeMeeting>, errors: validateCommitteeMeeting(model, { others, id: meeting?.id }) };
    },
    [others, meeting]
  );
  const editor = useItemEditor<IMeetingValues, CommitteeMeeting>({
    list: 'committeeMeetings',
    repository: repositories.committeeMeetings,
    userId,
    item: meeting,
    toValues: meetingValues,
    convert,
    onSaved
  });
  const { values, setValues, fieldErrors } = editor;
  const kinds = (r: readonly ReportKind[]): string => r.map((k) => REPORT_KIND_LABELS[k]).join(', ');
  return (
    <ItemEditorPanel
      title={meeting ? lazyStrings.MeetingFormEditTitle : lazyStrings.MeetingFormNewTitle}
      editor={editor}
      onDismiss={onDismiss}
      conflictRows={(theirs) => [
        { key: 'title', label: lazyStrings.FieldMeetingTitle, mine: values.title, theirs: theirs.title, differs: values.title !== theirs.title },
        { key: 'date', label: lazyStrings.FieldMeetingDate, mine: formatDate(values.meetingDate) ?? '', theirs: formatDate(theirs.meetingDate) ?? '', differs: values.meetingDate !== theirs.meetingDate },
        { key: 'reports', label: lazyStrings.FieldReportsReceived, mine: kinds(values.reports), theirs: kinds(theirs.reports), differs: kinds(values.reports) !== kinds(theirs.reports) }
      ]}
    >
      <TextField label={lazyStrings.FieldMeetingTitle} required={true} value={values.title} onChange={(e, v) => setValues((o) => ({ ...o, title: v ?? '' }))} errorMessage={fieldErrors.title} />
      <UkDatePicker
        label={lazyStrings.FieldMeetingDate}
        required={true}
        value={values.meetingDate}
        initialPickerDate={props.today}
        onChange={(meetingDate) =>
          // A new meeting's reports follow the framework for its month until the user changes them.
          setValues((o) => ({ ...o, meetingDate, reports: !meeting && o.reports.length === 0 && meetingDate ? defaultReportsFor(meetingDate) : o.reports }))
        }
        errorMessage={fieldErrors.meetingDate}
      />
      <Stack tokens={{ childrenGap: 6 }} role="group" aria-label={lazyStrings.FieldReportsReceived}>
        <Text variant="medium" style={{ fontWeight: 600 }}>
          {lazyStrings.FieldReportsReceived}
        </Text>
        {REPORT_KINDS.map((k) => (
          <Checkbox
            key={k}
            label={REPORT_KIND_LABELS[k]}
            checked={values.reports.indexOf(k) >= 0}
            onChange={(e, checked) => setValues((o) => ({ ...o, reports: checked ? o.reports.concat(k) : o.reports.filter((r) => r !== k) }))}
          />
        ))}
        {fieldErrors.reports && (
          <Text role="alert" variant="small">
            {fieldErrors.reports}
          </Text>
        )}
      </Stack>
    </ItemEditorPanel>
  );
}
