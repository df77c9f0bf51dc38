/**
 * "Send reminders now" for the performance team: plans with the same planner and reminder log
 * as the daily timer (a dry run first, listing each recipient and what they will be reminded
 * of, for confirmation), then sends through Microsoft Graph as the signed-in user (delegated
 * Mail.Send; MSGraphClientV3 in SharePoint, the local host's Graph in the workbench). Only
 * editors who can manage the lists may send; with nobody to remind there is nothing to send.
 * The run claims each officer in the reminder log, so it never mails someone the timer (or
 * another person pressing the button) is mailing at the same moment.
 */
import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { formatCount, formatDate, formatString } from '../../../components/format';
import { useRepositories } from '../../../components/RepositoriesContext';
import { ErrorBar } from '../../../components/ErrorBar';
import { GraphApi, GraphMailer } from '../../../reminders/graphMail';
import { ReminderRunResult, runReminders } from '../../../reminders/run';
import { ReminderRunError } from '../../../reminders/errors';
import { createSanitiser } from '../../../reminders/sanitise';
import type { OfficerReminder, ReminderSchedule } from '../../../domain/reminders';
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
  | { kind: 'confirm'; plan: ReminderRunResult; mayManage: boolean }
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

/** Props of `RecipientList`. */
interface IRecipientListProps {
  /** Officers the run will send to, with what each will be reminded of. */
  recipients: ReadonlyArray<{ key: string; officer: OfficerReminder; decision: string }>;
}

/** Each recipient and their items, in a box that scrolls when there are many. */
function RecipientList(props: IRecipientListProps): JSX.Element {
  return (
    // A box that scrolls must take the focus, so keyboard users can scroll the list too.
    <section aria-label={lazyStrings.RemindersRecipientsHeading} data-testid="reminder-recipients" tabIndex={0} style={{ maxHeight: 320, overflowY: 'auto' }}>
      <Text as="h3" variant="mediumPlus" block>
        {lazyStrings.RemindersRecipientsHeading}
      </Text>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {props.recipients.map(({ key, officer, decision }) => (
          <li key={key} data-recipient={officer.email}>
            <Text>{formatString(lazyStrings.RemindersRecipient, officer.displayName || officer.email, officer.email)}</Text>
            <ul>
              {officer.objectives.map((o) => (
                <li key={`o${o.id}`}>{formatString(lazyStrings.RemindersItemObjective, o.title)}</li>
              ))}
              {officer.risks.map((r) => (
                <li key={`r${r.id}`}>{formatString(lazyStrings.RemindersItemRisk, r.title, formatDate(r.reviewDate) ?? r.reviewDate)}</li>
              ))}
              {officer.measures.map((m) => (
                <li key={`m${m.id}`}>{formatString(lazyStrings.RemindersItemMeasure, m.title)}</li>
              ))}
            </ul>
            {officer.cc.length > 0 && <Text block>{formatString(lazyStrings.RemindersCopied, officer.cc.join(', '))}</Text>}
            {decision === 'resend' && <Text block>{lazyStrings.RemindersResendNote}</Text>}
          </li>
        ))}
      </ul>
    </section>
  );
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
    // The plan and the permission in parallel: mailing every officer is for editors only.
    Promise.all([runReminders({ ...options, dryRun: true }), repositories.canManage('reminderLog')]).then(
      ([plan, mayManage]) => current && setStage({ kind: 'confirm', plan, mayManage }),
      (error: unknown) => current && setStage({ kind: 'failed', error })
    );
    return () => {
      current = false;
    };
  }, [options, repositories]);

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
    body = <Spinner label={stage.kind === 'planning' ? lazyStrings.RemindersPlanning : lazyStrings.RemindersSending} ariaLive="polite" />;
    footer = <DefaultButton text={lazyStrings.FormCancel} onClick={onDismiss} disabled={stage.kind === 'sending'} />;
  } else if (stage.kind === 'failed') {
    body = <ErrorBar error={stage.error} />;
    footer = <DefaultButton text={strings.FormClose} onClick={onDismiss} />;
  } else if (stage.kind === 'confirm') {
    const { plan } = stage.plan;
    const s = planSummary(stage.plan);
    const round = plan.round;
    const recipients = stage.plan.decisions.filter((d) => d.decision === 'send' || d.decision === 'resend');
    const canSend = !!round && s.toSend > 0 && stage.mayManage;
    body = (
      <Stack tokens={{ childrenGap: 8 }} data-testid="reminder-plan">
        <Text>{formatString(lazyStrings.RemindersPeriod, plan.period.label, formatDate(plan.period.deadline) ?? plan.period.deadline)}</Text>
        {!round ? (
          <Text>{lazyStrings.RemindersNoRound}</Text>
        ) : (
          <>
            <Text>{formatString(round.escalation ? lazyStrings.RemindersRoundEscalation : lazyStrings.RemindersRound, round.round)}</Text>
            <Text>{formatString(lazyStrings.RemindersToSend, formatCount(s.toSend, lazyStrings.CountOfficersOne, lazyStrings.CountOfficers), formatCount(s.items, lazyStrings.CountItemsOne, lazyStrings.CountItems))}</Text>
            {s.alreadySent > 0 && <Text>{formatCount(s.alreadySent, lazyStrings.RemindersAlreadySentOne, lazyStrings.RemindersAlreadySent)}</Text>}
            {s.inProgress > 0 && <Text>{formatCount(s.inProgress, lazyStrings.RemindersInProgressOne, lazyStrings.RemindersInProgress)}</Text>}
            {recipients.length === 0 ? <Text>{lazyStrings.RemindersNobody}</Text> : <RecipientList recipients={recipients} />}
          </>
        )}
        {s.unassigned > 0 && <Text>{formatCount(s.unassigned, lazyStrings.RemindersUnassignedOne, lazyStrings.RemindersUnassigned)}</Text>}
        {!stage.mayManage && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>
            {lazyStrings.RemindersNotAllowed}
          </MessageBar>
        )}
      </Stack>
    );
    footer = (
      <>
        <PrimaryButton text={lazyStrings.RemindersSendConfirm} disabled={!canSend} onClick={() => send(stage.plan).catch((error: unknown) => setStage({ kind: 'failed', error }))} />
        <DefaultButton text={lazyStrings.FormCancel} onClick={onDismiss} />
      </>
    );
  } else {
    const r = stage.result;
    body = (
      <Stack tokens={{ childrenGap: 8 }} data-testid="reminder-result">
        {stage.error !== undefined && <ErrorBar error={stage.error} />}
        <Text>{formatCount(r.sent.length, lazyStrings.RemindersSentOne, lazyStrings.RemindersSent)}</Text>
        {r.alreadySent.length > 0 && <Text>{formatCount(r.alreadySent.length, lazyStrings.RemindersAlreadySentOne, lazyStrings.RemindersAlreadySent)}</Text>}
        {r.inProgress.length > 0 && <Text>{formatCount(r.inProgress.length, lazyStrings.RemindersInProgressOne, lazyStrings.RemindersInProgress)}</Text>}
        {r.failed.length > 0 && (
          <>
            <Text>{formatCount(r.failed.length, lazyStrings.RemindersFailedOne, lazyStrings.RemindersFailed)}</Text>
            <ul>
              {r.failed.map((f) => (
                <li key={f.key}>{f.detail}</li>
              ))}
            </ul>
          </>
        )}
        {r.unconfirmed.length > 0 && (
          <Text>{formatCount(r.unconfirmed.length, lazyStrings.RemindersUnconfirmedOne, lazyStrings.RemindersUnconfirmed)}</Text>
        )}
      </Stack>
    );
    footer = <PrimaryButton text={strings.FormClose} onClick={onDismiss} />;
  }

  return (
    <Dialog
      hidden={false}
      onDismiss={stage.kind === 'sending' ? undefined : onDismiss}
      dialogContentProps={{ type: DialogType.normal, title: lazyStrings.RemindersTitle }}
      modalProps={{ isBlocking: stage.kind === 'sending' }}
      minWidth={420}
    >
      {body}
      <DialogFooter>{footer}</DialogFooter>
    </Dialog>
  );
}
