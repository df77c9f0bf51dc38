/**
 * What a list declaration is. Each list of the product has one module in this folder that
 * declares it (title, URL, fields, extra views, repository kind, how it is loaded, seeded and
 * imported); `index.ts` registers it. The schema, repositories, provisioning, site script,
 * local host seeding, sample data and import all read the registry, so nothing else names
 * the list. docs/adding-a-list.md walks through adding one.
 */
import type { ListKey } from './index';

/** SharePoint field kinds the product uses. */
export type FieldType =
  | 'Text'
  | 'Note'
  | 'RichText'
  | 'Number'
  | 'Currency'
  | 'Integer'
  | 'DateTime'
  | 'DateOnly'
  | 'Choice'
  | 'Boolean'
  | 'User'
  | 'Lookup'
  | 'URL'
  | 'Json';

/** Definition of one list field. `key` is the model property it maps to. */
export interface FieldDef<Key extends string = string> {
  /** Model property name in src/domain/types.ts. */
  readonly key: Key;
  /** SharePoint internal name (also the REST property name; User/Lookup fields are read as `${internalName}Id`). */
  readonly internalName: string;
  /** Display name shown in SharePoint list views. */
  readonly displayName: string;
  /** Field kind. `Json` is a Note field holding JSON written and read only by the product. */
  readonly type: FieldType;
  /** Whether SharePoint enforces a value. */
  readonly required?: boolean;
  /** Allowed values of a Choice field. */
  readonly choices?: readonly string[];
  /** Indexed so $filter/$orderby on large lists stay under the list view threshold. */
  readonly indexed?: boolean;
  /** Target list key of a Lookup field (declared earlier in the registry). */
  readonly lookupList?: ListKey;
  /** Maximum length of a Text field (SharePoint allows 255). */
  readonly maxLength?: number;
  /** Minimum of a Number/Integer field. */
  readonly min?: number;
  /** Maximum of a Number/Integer field. */
  readonly max?: number;
  /** Help text shown under the field in SharePoint forms. */
  readonly description?: string;
  /** Shape of an empty `Json` field's value. */
  readonly jsonShape?: 'array' | 'object';
  /**
   * What each entry of a `Json` field holds (an array's items, an object's values), checked on
   * every read so a hand-edited column is reported on its item instead of breaking a view.
   * Absent: the value is checked by its reader (a snapshot's report model).
   */
  readonly jsonEntry?: JsonEntry;
  /**
   * SharePoint refuses a second item with the same value (EnforceUniqueValues, which needs
   * `indexed`): the one guarantee two concurrent writers cannot both get past.
   */
  readonly unique?: boolean;
  /**
   * A key the repositories write from these model properties (joined with "|") whenever all of
   * them are written; never typed by anyone and never read back into the model.
   */
  readonly derivedFrom?: readonly string[];
  /**
   * Left out of the list's usual reads and its views: a copy the product keeps for one view and
   * reads only there (an objective's status history, for the report).
   */
  readonly onDemand?: boolean;
}

/**
 * A key column written from model properties (see FieldDef.derivedFrom): its `key` names the
 * column in code only, since no model property holds it.
 */
export interface DerivedFieldDef<Source extends string = string> extends FieldDef<string> {
  readonly derivedFrom: readonly Source[];
}

/** An entry of a Json field: a string, a number, or an object with these typed properties. */
export type JsonEntry = 'string' | 'number' | { readonly [property: string]: 'string' | 'number' };

/**
 * `addOnly`: the list gets its own permissions on provisioning, on which the site's members may
 * add and read items but neither edit nor delete them (published snapshots). `editorsOnly`: the
 * site's members may only read it, owners edit it (the programme's definitions: services and
 * measures; whoever may edit them is an editor to the web parts, and everyone else writes only
 * what is theirs: a lead their own service's general update, an officer their own measures'
 * actuals). Absent: the list inherits the site's permissions.
 */
export type ListPermissions = 'addOnly' | 'editorsOnly';

/**
 * `library`: a document library (SharePoint's BaseTemplate 101), whose items are files added
 * through the files API; absent: a custom list (BaseTemplate 100).
 */
export type ListTemplate = 'library';

/** A list view; auditors read these in SharePoint directly. */
export interface ViewDef {
  /** View title. */
  readonly title: string;
  /** Internal names of the columns, in order (built-ins such as Modified and Editor allowed). */
  readonly fields: readonly string[];
  /** CAML `<Where>`/`<OrderBy>`/`<GroupBy>` inner query, or empty for all items. */
  readonly query: string;
  /** Rows per page. */
  readonly rowLimit: number;
  /** Whether this is the list's default view. */
  readonly isDefault?: boolean;
}

/** A list with its fields and views, as provisioned (SCHEMA in schema.ts holds one per list). */
export interface ListDef {
  /** Stable key used in code. */
  readonly key: ListKey;
  /** List title (getByTitle). */
  readonly title: string;
  /** Site-relative URL segment, e.g. "Lists/SSMObjectives". */
  readonly url: string;
  /** Description shown in Site contents. */
  readonly description: string;
  /** Major versions kept; versioning is always on so auditors see full history. */
  readonly majorVersionLimit: number;
  /** Fields other than the built-in Title (whose display name `titleDisplayName` sets). */
  readonly fields: readonly FieldDef[];
  /** Display name of the built-in Title field. */
  readonly titleDisplayName: string;
  /** Model property stored in Title; lists without one get `computedTitle` (see mapping.ts). */
  readonly titleKey?: string;
  /** Views: the standard three (schema.ts) followed by the declaration's own. */
  readonly views: readonly ViewDef[];
  /** Permissions of its own, set on provisioning; absent: inherited from the site. */
  readonly permissions?: ListPermissions;
  /** A document library instead of a custom list. */
  readonly template?: ListTemplate;
}

/**
 * Which repository interface serves the list (see RepositoryKinds in repositories.ts):
 * `list` plain CRUD; `period` CRUD plus reads by reporting period; the others are lists with a
 * repository of their own.
 */
export type RepositoryKind = 'list' | 'period' | 'objectiveUpdates' | 'reminderLog' | 'snapshots' | 'papers';

/** Whether the local host seeds the list from local/sample-data (and so whether SampleData must hold it). */
export type SampleKind = 'required' | 'optional' | 'none';

/** Model properties a field may map to: everything but the server-assigned identity and audit fields. */
export type FieldKeyOf<T> = Exclude<Extract<keyof T, string>, 'id' | 'etag' | 'created' | 'modified'>;

/** How a list is imported from a spreadsheet (columns and rules live in src/domain/import). */
export interface ImportDeclaration {
  /** Other lists the dry run compares with, read in the same `$batch` as the list itself. */
  readonly alsoReads: readonly ListKey[];
}

/** What a list module declares. T is the domain model of one item (src/domain/types.ts). */
export interface ListSpec<K extends ListKey, T, R extends RepositoryKind, I extends string, S extends SampleKind, M extends ImportDeclaration> {
  /** Stable key used in code; the registry key. */
  readonly key: K;
  /** List title (getByTitle). Never change it on a live list: the product finds lists by title. */
  readonly title: string;
  /** Site-relative URL segment, e.g. "Lists/SSMObjectives". */
  readonly url: string;
  /** Description shown in Site contents. */
  readonly description: string;
  /** Major versions kept; versioning is always on so auditors see full history. */
  readonly majorVersionLimit: number;
  /** Display name of the built-in Title field. */
  readonly titleDisplayName: string;
  /** Model property stored in Title. Without one, `computedTitle` gives the label. */
  readonly titleKey?: FieldKeyOf<T>;
  /** Title of an item of a list without `titleKey` (a label for SharePoint's own views). */
  readonly computedTitle?: (model: Readonly<Record<string, unknown>>) => string | undefined;
  /** Fields other than the built-in Title; each key is a model property (a typo fails to compile). */
  readonly fields: ReadonlyArray<FieldDef<FieldKeyOf<T>>>;
  /**
   * Key columns the repositories write from model properties (provisioned after `fields`),
   * e.g. a unique one that makes SharePoint refuse a second item for the same thing.
   */
  readonly derivedKeys?: ReadonlyArray<DerivedFieldDef<FieldKeyOf<T>>>;
  /**
   * Views beyond the standard "All Items", "Audit - all changes" and "By service"; `fieldOf`
   * gives a field's internal name by model key.
   */
  readonly views?: (fieldOf: (key: FieldKeyOf<T>) => string) => readonly ViewDef[];
  /** Permissions of its own, set on provisioning; absent: inherited from the site. */
  readonly permissions?: ListPermissions;
  /** A document library (files with metadata) instead of a custom list. */
  readonly template?: ListTemplate;
  /** The repository interface serving it. */
  readonly repository: R;
  /** Its key in loadInitial's InitialData, when web parts load it in their first `$batch`. */
  readonly initial?: I;
  /** Whether the local host seeds it from sample data. */
  readonly sample: S;
  /** Present when the list can be imported from a spreadsheet (then ImportListKind must name it). */
  readonly import?: M;
}

/** A declared list: its spec, carrying the model type for the types derived from the registry. */
export interface ListDeclaration<
  K extends ListKey = ListKey,
  T = unknown,
  R extends RepositoryKind = RepositoryKind,
  I extends string = string,
  S extends SampleKind = SampleKind,
  M extends ImportDeclaration = ImportDeclaration
> extends ListSpec<K, T, R, I, S, M> {
  /** Type only, never set: the domain model of one item. */
  readonly model?: T;
}

/** A field definition (identity function, so each field is checked against FieldDef where it is written). */
export const field = <Key extends string>(def: FieldDef<Key>): FieldDef<Key> => def;

/** A derived key column (identity function; its sources are checked against the model). */
export const derivedField = <Source extends string>(def: DerivedFieldDef<Source>): DerivedFieldDef<Source> => def;

/**
 * Declares a list whose items are of model T: `declareList<Risk>()({ key: 'risks', ... })`.
 * Curried so T is given and the rest (key, repository kind, initial key, sample kind) inferred.
 */
export function declareList<T>(): <K extends ListKey, R extends RepositoryKind, S extends SampleKind, I extends string = never, M extends ImportDeclaration = never>(
  spec: ListSpec<K, T, R, I, S, M>
) => ListDeclaration<K, T, R, I, S, M> {
  return (spec) => spec;
}
