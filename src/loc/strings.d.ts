/** The product's user-visible strings (UK English); one shared resource for every web part. */
declare interface ISsmStrings {
  Loading: string;
  Dismiss: string;
  TryAgain: string;
  ProgrammeWide: string;
  UnknownService: string;
  NotSet: string;

  ErrorGenericTitle: string;
  ErrorConflictTitle: string;
  ErrorConflictDetail: string;
  ErrorValidationTitle: string;
  ErrorListMissingTitle: string;
  ErrorThrottledTitle: string;
  ErrorNotFoundTitle: string;
  ErrorUnexpected: string;

  PropertyPaneDescription: string;
  SetUpGroupName: string;
  SetUpListsButton: string;
  SetUpListsDescription: string;
  SetUpListsRunning: string;
  SetUpListsDone: string;
  SetUpListsFailed: string;
  SetUpListsUnavailable: string;
  DisplayGroupName: string;
  ServiceFilterLabel: string;
  ServiceFilterDescription: string;
  ShowStatusLabel: string;
  ShowRagLabel: string;
  ShowOfficerLabel: string;
  ShowTargetDateLabel: string;

  ObjectivesHeading: string;
  ObjectivesNoServices: string;
  ObjectivesNoMatch: string;
  ObjectivesNone: string;
  ColumnObjective: string;
  ColumnStatus: string;
  ColumnRag: string;
  ColumnOfficer: string;
  ColumnTargetDate: string;
  RagLabel: string;

  BenefitsHeading: string;
  BenefitsNone: string;
  ColumnBenefit: string;
  ColumnService: string;
  ColumnWhenDelivered: string;
  ColumnDeliveryStatus: string;
  ColumnSavingsPlanned: string;
  ColumnSavingsRealised: string;

  RisksHeading: string;
  RisksNone: string;
  ColumnRisk: string;
  ColumnOwner: string;
  ColumnInherentScore: string;
  ColumnResidualScore: string;
  ColumnReviewDate: string;
  ColumnRiskStatus: string;

  HighlightsHeading: string;
  HighlightsNone: string;
  HighlightsMeeting: string;
  KeyPointsHeading: string;
  ActivityOverviewHeading: string;
}

declare module 'SsmStrings' {
  const strings: ISsmStrings;
  export = strings;
}
