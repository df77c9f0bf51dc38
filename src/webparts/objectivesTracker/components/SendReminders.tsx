/**
 * "Send reminders now" for the performance team: plans with the same planner and reminder log
 * as the daily timer (a dry run first, shown for confirmation), then sends through Microsoft
 * Graph as the signed-in user (delegated Mail.Send; MSGraphClientV3 in SharePoint, the local
 * host's Graph in the workbench). A round already sent is never sent again.
 */
import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, Spinner, Stack, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { formatCount, formatDate, formatString } from '../../../components/format';
import { useRepositories } from '../../../components/RepositoriesContext';
import { ErrorBar } from '../../../components/ErrorBar';
import { GraphApi, GraphMailer } from '../../../reminders/graphMail';
import { ReminderRunResult, runReminders } from '../../../reminders/run';
import { ReminderRunError } from '../../../reminders/errors';
import { createSanitiser } from '../../../reminders/sanitise';
import type { ReminderSchedule } from '../../../domain/reminders';
import { useTracker } from './TrackerContext';

/** How the tracker reaches Graph and what the reminder links point at. */
export interface IRemindersConnection {
  /** Absolute URL of the site (links in the emails). */
  siteUrl: string;
  /** A Graph client for the signed-in user. */
  getGraphClient: () => Promise<GraphApi>;
  /** Reminder schedule (defaults to the planner's). */
  schedule?: Partial<ReminderSchedule>;
}

/** Props of `SendRemindersDialog`. */
export interface ISendRemindersDialogProps {
  connection: IRemindersConnection;
  onDismiss: () => void;
}

type Stage =
  | { kind: 'planning' }
  | { kind: 'confirm'; plan: ReminderRunResult }
  | { kind: 'sending'; plan: ReminderRunResult }
  | { kind: 'done'; result: ReminderRunResult; error?: unknown }
  | { kind: 'failed'; error: unknown };

/** Counts of the dry run: who would be sent a reminder now. */
export function planSummary(plan: ReminderRunResult): { toSend: number; alreadySent: number; inProgress: number; items: number; unassigned: number } {
  const sending = plan.decisions.filter((d) => d.decision === 'send' || d.decision === 'resend');
  return {
    toSend: sending.length,
    alreadySent: plan.alreadySent.length,
    inProgress: plan.inProgress.length + plan.unconfirmed.length,
    items: sending.reduce((n, d) => n + d.officer.objectives.length + d.officer.risks.length + d.officer.measures.length, 0),
    unassigned: plan.plan.unassigned.length
  };
}

/** The confirmation and result dialog. */
export function SendRemindersDialog(props: ISendRemindersDialogProps): JSX.Element {
  const { connection, onDismiss } = props;
  const repositories = useRepositories();
  const { today, calendar } = useTracker();
  const [stage, setStage] = React.useState<Stage>({ kind: 'planning' });

  const options = React.useMemo(
    () => ({ repositories, today, calendar, schedule: connection.schedule, links: { siteUrl: connection.siteUrl } }),
    [repositories, today, calendar, connection]
  );

  React.useEffect(() => {
    let current = true;
    runReminders({ ...options, dryRun: true }).then(
      (plan) => current && setStage({ kind: 'confirm', plan }),
      (error: unknown) => current && setStage({ kind: 'failed', error })
    );
    return () => {
      current = false;
    };
  }, [options]);

  const send = async (plan: ReminderRunResult): Promise<void> => {
    setStage({ kind: 'sending', plan });
    try {
      const client = await connection.getGraphClient();
      const mailer = new GraphMailer(client, { sender: { kind: 'me' } });
      const result = await runReminders({ ...options, mailer, sanitise: createSanitiser() });
      setStage({ kind: 'done', result });
    } catch (error) {
      // A run that stopped part-way still reports what it did.
      if (error instanceof ReminderRunError) setStage({ kind: 'done', result: error.result as ReminderRunResult, error });
      else setStage({ kind: 'failed', error });
    }
  };

  let body: JSX.Element;
  let footer: JSX.Element;
  if (stage.kind === 'planning' || stage.kind === 'sending') {
    body = <Spinner label={stage.kind === 'planning' ? strings.RemindersPlanning : strings.RemindersSending} ariaLive="polite" />;
    footer = <DefaultButton text={strings.FormCancel} onClick={onDismiss} disabled={stage.kind === 'sending'} />;
  } else if (stage.kind === 'failed') {
    body = <ErrorBar error={stage.error} />;
    footer = <DefaultButton text={strings.FormClose} onClick={onDismiss} />;
  } else if (stage.kind === 'confirm') {
    const { plan } = stage.plan;
    const s = planSummary(stage.plan);
    const round = plan.round;
    body = (
      <Stack tokens={{ childrenGap: 8 }} data-testid="reminder-plan">
        <Text>{formatString(strings.RemindersPeriod, plan.period.label, formatDate(plan.period.deadline) ?? plan.period.deadline)}</Text>
        {!round ? (
          <Text>{strings.RemindersNoRound}</Text>
        ) : (
          <>
            <Text>{formatString(round.escalation ? strings.RemindersRoundEscalation : strings.RemindersRound, round.round)}</Text>
            <Text>{formatString(strings.RemindersToSend, formatCount(s.toSend, strings.CountOfficersOne, strings.CountOfficers), formatCount(s.items, strings.CountItemsOne, strings.CountItems))}</Text>
            {s.alreadySent > 0 && <Text>{formatCount(s.alreadySent, strings.RemindersAlreadySentOne, strings.RemindersAlreadySent)}</Text>}
            {s.inProgress > 0 && <Text>{formatCount(s.inProgress, strings.RemindersInProgressOne, strings.RemindersInProgress)}</Text>}
          </>
        )}
        {s.unassigned > 0 && <Text>{formatCount(s.unassigned, strings.RemindersUnassignedOne, strings.RemindersUnassigned)}</Text>}
      </Stack>
    );
    footer = (
      <>
        <PrimaryButton text={strings.RemindersSendConfirm} disabled={!round || s.toSend === 0} onClick={() => send(stage.plan).catch((error: unknown) => setStage({ kind: 'failed', error }))} />
        <DefaultButton text={strings.FormCancel} onClick={onDismiss} />
      </>
    );
  } else {
    const r = stage.result;
    body = (
      <Stack tokens={{ childrenGap: 8 }} data-testid="reminder-result">
        {stage.error !== undefined && <ErrorBar error={stage.error} />}
        <Text>{formatCount(r.sent.length, strings.RemindersSentOne, strings.RemindersSent)}</Text>
        {r.alreadySent.length > 0 && <Text>{formatCount(r.alreadySent.length, strings.RemindersAlreadySentOne, strings.RemindersAlreadySent)}</Text>}
        {r.inProgress.length > 0 && <Text>{formatCount(r.inProgress.length, strings.RemindersInProgressOne, strings.RemindersInProgress)}</Text>}
        {r.failed.length > 0 && (
          <>
            <Text>{formatCount(r.failed.length, strings.RemindersFailedOne, strings.RemindersFailed)}</Text>
            <ul>
              {r.failed.map((f) => (
                <li key={f.key}>{f.detail}</li>
              ))}
            </ul>
          </>
        )}
        {r.unconfirmed.length + r.notAttempted.length > 0 && (
          <Text>{formatCount(r.unconfirmed.length + r.notAttempted.length, strings.RemindersUnconfirmedOne, strings.RemindersUnconfirmed)}</Text>
        )}
      </Stack>
    );
    footer = <PrimaryButton text={strings.FormClose} onClick={onDismiss} />;
  }

  return (
    <Dialog
      hidden={false}
      onDismiss={stage.kind === 'sending' ? undefined : onDismiss}
      dialogContentProps={{ type: DialogType.normal, title: strings.RemindersTitle }}
      modalProps={{ isBlocking: stage.kind === 'sending' }}
      minWidth={420}
    >
      {body}
      <DialogFooter>{footer}</DialogFooter>
    </Dialog>
  );
}
