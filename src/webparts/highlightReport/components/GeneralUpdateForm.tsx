/**
 * The panel in which a service lead (or an editor) writes a service's general update for a
 * committee meeting: service, meeting date (which decides the report it appears in), key points
 * of action and overview of activity, as sanitised rich text. Uses the shared edit pattern:
 * drafts kept on a failed save, both versions after a 412.
 */
import * as React from 'react';
import { Dropdown, IDropdownOption, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import type { ListRepository } from '../../../data/repositories';
import { CalendarConfig, periodById } from '../../../domain/calendar';
import { shortPeriodLabel } from '../../../domain/report';
import type { CommitteeMeeting, Highlight, Service } from '../../../domain/types';
import { UkDatePicker } from '../../../components/UkDatePicker';
import type { IConflictRow } from '../../../components/ItemConflict';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { RichTextEditor } from '../../../components/RichTextEditor';
import { useItemEditor } from '../../../components/useItemEditor';
import { formatDate, formatString } from '../../../components/format';
import { richTextToPlain } from '../../../components/sanitise';
import { convertGeneralUpdate, generalUpdateValues, IGeneralUpdateValues, meetingPeriodId } from '../generalUpdate';

/** Props of `GeneralUpdateForm`. */
export interface IGeneralUpdateFormProps {
  /** Repository to save through. */
  repository: ListRepository<Highlight>;
  /** The services the user may write for (only these are offered). */
  services: readonly Service[];
  /** The committee's meetings: the update is written for one of them (a date is picked when there are none). */
  meetings?: readonly CommitteeMeeting[];
  /** Every general update stored, so a second one for the same service and meeting is refused. */
  others: readonly Highlight[];
  /** The general update edited (read afresh, with its etag), or undefined for a new one. */
  highlight: Highlight | undefined;
  /** Service a new update is for, when one is chosen in the report. */
  serviceId?: number;
  /** Signed-in user's id (drafts are per user). */
  userId: number;
  /** Reporting calendar. */
  calendar?: Partial<CalendarConfig>;
  /** Today (YYYY-MM-DD): the month the meeting date picker opens on. */
  today?: string;
  /** Called with the stored update after a successful save. */
  onSaved: (highlight: Highlight) => void;
  /** Closes the panel. */
  onDismiss: () => void;
}

/** The panel. */
export function GeneralUpdateForm(props: IGeneralUpdateFormProps): JSX.Element {
  const { repository, services, others, highlight, serviceId, userId, calendar, today, onSaved, onDismiss } = props;
  const toValues = React.useCallback((h: Highlight | undefined) => generalUpdateValues(h, serviceId), [serviceId]);
  const convert = React.useCallback(
    (v: IGeneralUpdateValues) => convertGeneralUpdate(v, { id: highlight?.id, others, calendar }),
    [highlight, others, calendar]
  );
  const editor = useItemEditor<IGeneralUpdateValues, Highlight>({
    list: 'highlights',
    repository,
    userId,
    item: highlight,
    toValues,
    convert,
    onSaved
  });
  const { values, fieldErrors } = editor;
  const set = editor.patchValues;

  const serviceOptions: IDropdownOption[] = services.map((s) => ({ key: s.id, text: s.name }));
  const serviceName = (id: number | undefined): string =>
    id === undefined ? '' : services.find((s) => s.id === id)?.name ?? strings.UnknownService;
  const periodId = meetingPeriodId(values.meetingDate, calendar);
  // The meetings offered: every meeting of the forward plan, and the update's own date if it is not one.
  const meetingOptions: IDropdownOption[] = React.useMemo(() => {
    const list = (props.meetings ?? []).slice().sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
    const options = list.map((m) => ({ key: m.meetingDate, text: formatString(lazyStrings.MeetingOption, m.title, formatDate(m.meetingDate) ?? m.meetingDate) }));
    const own = highlight?.meetingDate;
    if (own && !options.some((o) => o.key === own)) options.push({ key: own, text: formatDate(own) ?? own });
    return options;
  }, [props.meetings, highlight]);

  const conflictRows = (theirs: Highlight): IConflictRow[] => {
    const row = (key: string, label: string, mine: string, other: string): IConflictRow => ({ key, label, mine, theirs: other, differs: mine !== other });
    return [
      row('service', lazyStrings.FieldGeneralUpdateService, serviceName(values.serviceId), serviceName(theirs.serviceId)),
      row('meeting', lazyStrings.FieldMeetingDate, formatDate(values.meetingDate) ?? '', formatDate(theirs.meetingDate) ?? ''),
      row('keyPoints', lazyStrings.FieldKeyPoints, richTextToPlain(values.keyPoints), richTextToPlain(theirs.keyPoints)),
      row('overview', lazyStrings.FieldActivityOverview, richTextToPlain(values.activityOverview), richTextToPlain(theirs.activityOverview))
    ];
  };

  return (
    <ItemEditorPanel
      title={highlight ? lazyStrings.GeneralUpdateEditTitle : lazyStrings.GeneralUpdateNewTitle}
      editor={editor}
      conflictRows={conflictRows}
      onDismiss={onDismiss}
    >
      <Text as="p">{lazyStrings.GeneralUpdateIntro}</Text>
      <Dropdown
        label={lazyStrings.FieldGeneralUpdateService}
        required={true}
        options={serviceOptions}
        selectedKey={values.serviceId ?? null}
        onChange={(e, o) => set({ serviceId: o?.key as number })}
        errorMessage={fieldErrors.serviceId}
      />
      {(props.meetings ?? []).length > 0 ? (
        <Dropdown
          label={lazyStrings.FieldMeetingDate}
          required={true}
          options={meetingOptions}
          selectedKey={values.meetingDate ?? null}
          onChange={(e, o) => set({ meetingDate: o ? String(o.key) : undefined })}
          errorMessage={fieldErrors.meetingDate}
        />
      ) : (
        <UkDatePicker
          label={lazyStrings.FieldMeetingDate}
          required={true}
          value={values.meetingDate}
          initialPickerDate={today}
          onChange={(meetingDate) => set({ meetingDate })}
          errorMessage={fieldErrors.meetingDate}
        />
      )}
      {periodId && (
        <Text as="p" aria-live="polite">
          {formatString(lazyStrings.GeneralUpdatePeriod, shortPeriodLabel(periodById(periodId, calendar)))}
        </Text>
      )}
      <RichTextEditor
        label={lazyStrings.FieldKeyPoints}
        value={values.keyPoints}
        onChange={(html) => set({ keyPoints: html })}
        errorMessage={fieldErrors.keyPoints}
      />
      <RichTextEditor
        label={lazyStrings.FieldActivityOverview}
        value={values.activityOverview}
        onChange={(html) => set({ activityOverview: html })}
        errorMessage={fieldErrors.activityOverview}
      />
    </ItemEditorPanel>
  );
}
