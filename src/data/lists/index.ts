/**
 * The registry of every list of the product: declare a list in its own module, then register
 * it here (its key in ListKey and its declaration in LIST_REGISTRY). Everything that handles
 * lists reads this registry, so a list registered here is provisioned, served by the
 * repositories, created and seeded by the local host and typed in SampleData without further
 * edits. See docs/adding-a-list.md.
 */
import type { ImportListKind } from '../../domain/import/columns';
import type { SampleKind } from './declare';
import { benefitsList } from './benefits';
import { bestPracticeList } from './bestPractice';
import { budgetLinesList } from './budgetLines';
import { committeeMeetingsList } from './committeeMeetings';
import { committeePapersList } from './committeePapers';
import { highlightsList } from './highlights';
import { lessonsLearnedList } from './lessonsLearned';
import { measureActualsList } from './measureActuals';
import { measuresList } from './measures';
import { objectiveActionsList } from './objectiveActions';
import { objectiveUpdatesList } from './objectiveUpdates';
import { objectivesList } from './objectives';
import { reminderLogList } from './reminderLog';
import { reportSettingsList } from './reportSettings';
import { risksList } from './risks';
import { servicesList } from './services';
import { snapshotsList } from './snapshots';
import { staffSurveysList } from './staffSurveys';
import { successesList } from './successes';

/** Keys of every list of the product. */
export type ListKey =
  | 'services'
  | 'objectives'
  | 'objectiveUpdates'
  | 'objectiveActions'
  | 'benefits'
  | 'risks'
  | 'measures'
  | 'highlights'
  | 'reminderLog'
  | 'bestPractice'
  | 'lessonsLearned'
  | 'reportSettings'
  | 'snapshots'
  | 'committeeMeetings'
  | 'measureActuals'
  | 'staffSurveys'
  | 'budgetLines'
  | 'successes'
  | 'committeePapers';

/**
 * Every list's declaration, in provisioning order: a lookup's target list comes before the list
 * that looks it up (a test checks). `satisfies` keeps each declaration's own type (its model,
 * repository kind, initial key) for the types below, and fails to compile when a key of ListKey
 * has no declaration or a declaration sits under another list's key.
 */
export const LIST_REGISTRY = {
  services: servicesList,
  objectives: objectivesList,
  objectiveUpdates: objectiveUpdatesList,
  objectiveActions: objectiveActionsList,
  benefits: benefitsList,
  risks: risksList,
  measures: measuresList,
  highlights: highlightsList,
  reminderLog: reminderLogList,
  bestPractice: bestPracticeList,
  lessonsLearned: lessonsLearnedList,
  reportSettings: reportSettingsList,
  snapshots: snapshotsList,
  committeeMeetings: committeeMeetingsList,
  measureActuals: measureActualsList,
  staffSurveys: staffSurveysList,
  budgetLines: budgetLinesList,
  successes: successesList,
  committeePapers: committeePapersList
} satisfies { readonly [K in ListKey]: { readonly key: K } };

/** The declarations, by key. */
export type ListDeclarations = typeof LIST_REGISTRY;

/** Every list's declaration, in provisioning order. */
export const LIST_DECLARATIONS: ReadonlyArray<ListDeclarations[ListKey]> = Object.values(LIST_REGISTRY);

/** Every list key, in provisioning order. */
export const LIST_KEYS: readonly ListKey[] = LIST_DECLARATIONS.map((d) => d.key);

/** The domain model of one item of list K. */
export type ModelOf<K extends ListKey> = NonNullable<ListDeclarations[K]['model']>;

/** The repository kind serving list K. */
export type RepositoryKindOf<K extends ListKey> = ListDeclarations[K]['repository'];

/** The loadInitial key of list K, or never when web parts do not load it in their first `$batch`. */
export type InitialKeyOf<K extends ListKey> = Exclude<ListDeclarations[K]['initial'], undefined>;

/** Lists loaded by loadInitial. */
export type InitialListKey = { [K in ListKey]: [InitialKeyOf<K>] extends [never] ? never : K }[ListKey];

/** Lists the local host seeds from sample data, required (`required`) or optional (`optional`) in SampleData. */
export type SampleListKey<S extends SampleKind = 'required' | 'optional'> = { [K in ListKey]: ListDeclarations[K]['sample'] extends S ? K : never }[ListKey];

/** Lists that declare an import. */
export type ImportableListKey = { [K in ListKey]: [Exclude<ListDeclarations[K]['import'], undefined>] extends [never] ? never : K }[ListKey];

/** The loadInitial key of each list it loads. */
export const INITIAL_KEYS: { readonly [K in InitialListKey]: InitialKeyOf<K> } = Object.fromEntries(
  LIST_DECLARATIONS.filter((d) => d.initial !== undefined).map((d) => [d.key, d.initial])
) as { readonly [K in InitialListKey]: InitialKeyOf<K> };

/** Lists the local host seeds, in provisioning order. */
export const SAMPLE_LISTS: ReadonlyArray<SampleListKey> = LIST_DECLARATIONS.filter((d) => d.sample !== 'none').map((d) => d.key as SampleListKey);

/** Type-level equality, for the compile-time checks below. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compile-time check: the lists declaring an import are exactly the import kinds of
 * src/domain/import (whose columns and rules the domain holds). Adding one without the other
 * fails to compile here.
 */
export const IMPORT_KINDS_DECLARED: Same<ImportableListKey, ImportListKind> = true;
