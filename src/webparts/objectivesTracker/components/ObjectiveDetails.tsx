/**
 * One objective in full: its fields and the history of every quarterly update, newest first.
 * The tracker loads only recent periods up front, so the history is read here when the
 * panel opens (and again after an update is corrected), and merged into the tracker's data.
 * An update stays editable until its period's deadline (then read-only, as auditors rely on);
 * users without edit rights see no edit affordances at all.
 */
import * as React from 'react';
import { ActionButton, DefaultButton, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { isEditable, periodById } from '../../../domain/calendar';
import type { Objective, ObjectiveUpdate } from '../../../domain/types';
import { RagBadge } from '../../../components/RagBadge';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { compareUpdates } from '../../../domain/progress';
import { formatDate, formatString } from '../../../components/format';
import { richTextToPlain } from '../../../components/sanitise';
import { useTracker } from './TrackerContext';
import { RichText } from '../../../components/RichText';
import { lazyComponent, OnDemand } from '../../../components/lazyComponent';
import { periodLabel } from './periodLabel';

// The form (with the rich-text editor and the save logic) loads when an update is corrected, in the tracker's forms chunk.
const UpdateForm = lazyComponent(() => import(/* webpackChunkName: 'ssm-objective-forms' */ './UpdateForm').then((m) => m.UpdateForm));

/** Props of `ObjectiveDetails`. */
export interface IObjectiveDetailsProps {
  objective: Objective;
  /** Opens the edit form (only offered to editors). */
  onEdit: () => void;
  onClose: () => void;
}

export { periodLabel };

/** Whether an update may still be changed today. */
function canStillEdit(update: ObjectiveUpdate, today: string): boolean {
  try {
    return isEditable(update.periodId, today);
  } catch {
    // An unreadable period cannot have a deadline to respect: treat it as closed.
    return false;
  }
}

/** The details and history. */
export function ObjectiveDetails(props: IObjectiveDetailsProps): JSX.Element {
  const { objective, onEdit, onClose } = props;
  const { state, dispatch, canEdit, today } = useTracker();
  const repositories = useRepositories();
  const theme = useTheme();
  const [editing, setEditing] = React.useState<ObjectiveUpdate | undefined>(undefined);
  const services = state.data?.services ?? [];
  const loaded = useAsync(() => repositories.objectiveUpdates.getForObjective(objective.id), [repositories, objective.id]);
  const { reload } = loaded;
  // Merged into the tracker's data so the list shows the latest text and a correction finds the stored update.
  React.useEffect(() => {
    if (loaded.value) dispatch({ type: 'updatesLoaded', updates: loaded.value });
  }, [loaded.value, dispatch]);
  const actions = React.useMemo(() => (state.data?.actions ?? []).filter((a) => a.objectiveId === objective.id), [state.data, objective.id]);
  const history = React.useMemo(() => (loaded.value ?? []).slice().sort((a, b) => compareUpdates(b, a)), [loaded.value]);
  const classes = mergeStyleSets({
    item: { padding: '8px 0', borderTop: `1px solid ${theme.palette.neutralLight}` },
    meta: { color: theme.semanticColors.bodySubtext },
    label: { fontWeight: 600 }
  });

  if (editing) {
    return (
      <OnDemand>
        <UpdateForm
          objectives={[objective]}
          period={periodById(editing.periodId)}
          onSaved={() => {
            setEditing(undefined);
            reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      </OnDemand>
    );
  }

  const row = (label: string, value: React.ReactNode): JSX.Element => (
    <div>
      <Text className={classes.label} block>
        {label}
      </Text>
      <div>{value}</div>
    </div>
  );

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {row(strings.ColumnService, services.find((s) => s.id === objective.serviceId)?.name ?? strings.UnknownService)}
      {row(strings.ColumnAim, richTextToPlain(objective.aim) ? <RichText html={objective.aim} /> : strings.NotSet)}
      <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
        {row(strings.ColumnStatus, objective.status)}
        {row(strings.ColumnRag, <RagBadge rag={objective.rag} />)}
        {row(strings.ColumnOfficer, objective.responsibleOfficer?.displayName || strings.NotSet)}
        {row(strings.ColumnTargetDate, formatDate(objective.targetDate) ?? strings.NotSet)}
        {row(lazyStrings.ObjectiveFieldNextUpdateDue, formatDate(objective.nextUpdateDue) ?? strings.NotSet)}
      </Stack>
      {canEdit && (
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <DefaultButton text={lazyStrings.ObjectiveEdit} iconProps={{ iconName: 'Edit' }} onClick={onEdit} />
        </Stack>
      )}
      <Text as="h3" variant="large">
        {lazyStrings.ActionPlanHeading}
      </Text>
      {actions.length === 0 ? (
        <Text>{lazyStrings.ActionPlanNone}</Text>
      ) : (
        <ul aria-label={formatString(lazyStrings.ActionPlanListLabel, objective.title)} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {actions.map((a) => (
            <li key={a.id} className={classes.item} data-action-id={a.id}>
              <Text block>{a.title}</Text>
              <Text className={classes.meta} block>
                {formatString(lazyStrings.ActionPlanMeta, a.timescale || strings.NotSet, a.owner?.displayName || strings.NotSet, a.status)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Text as="h3" variant="large">
        {lazyStrings.HistoryHeading}
      </Text>
      <ErrorBar error={loaded.error} onRetry={reload} />
      {loaded.loading && <Loading />}
      {!loaded.loading && loaded.value && history.length === 0 && <Text>{lazyStrings.HistoryNone}</Text>}
      <ol aria-label={formatString(lazyStrings.HistoryListLabel, objective.title)} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {history.map((u) => (
          <li key={u.id} className={classes.item} data-update-id={u.id}>
            <Stack tokens={{ childrenGap: 4 }}>
              <Text as="h4" variant="mediumPlus">
                {periodLabel(u.periodId)}
              </Text>
              <Text className={classes.meta}>
                {formatString(lazyStrings.HistoryMeta, u.author?.displayName || strings.NotSet, formatDate(u.updatedOn) ?? strings.NotSet)}
              </Text>
              <Text>
                {u.status} · <RagBadge rag={u.rag} />
              </Text>
              <RichText html={u.narrative} />
              {canEdit && canStillEdit(u, today) ? (
                <ActionButton
                  iconProps={{ iconName: 'Edit' }}
                  text={lazyStrings.HistoryEdit}
                  ariaLabel={formatString(lazyStrings.HistoryEditLabel, periodLabel(u.periodId))}
                  styles={{ root: { alignSelf: 'flex-start', paddingLeft: 0 } }}
                  onClick={() => setEditing(u)}
                />
              ) : (
                canEdit && <Text className={classes.meta}>{lazyStrings.HistoryLocked}</Text>
              )}
            </Stack>
          </li>
        ))}
      </ol>
      <Stack horizontal>
        <DefaultButton text={strings.FormClose} onClick={onClose} />
      </Stack>
    </Stack>
  );
}
