define([], function () {
  return {
    // Shared
    Loading: 'Loading…',
    Dismiss: 'Dismiss',
    TryAgain: 'Try again',
    ProgrammeWide: 'Programme-wide',
    UnknownService: 'Unknown service',
    NotSet: 'Not set',

    // Errors (ErrorBar)
    ErrorGenericTitle: 'Something went wrong.',
    ErrorConflictTitle: 'Someone else saved this item while you were editing it.',
    ErrorConflictDetail: 'Your changes have not been saved. Review their version, then apply your changes again.',
    ErrorValidationTitle: 'Please correct the following before saving:',
    ErrorListMissingTitle: 'This site has not been set up yet.',
    ErrorThrottledTitle: 'SharePoint is busy.',
    ErrorNotFoundTitle: 'The item could not be found.',
    ErrorUnexpected: 'An unexpected error occurred. If it happens again, please contact the service desk and quote: {0}',

    // Property pane
    PropertyPaneDescription: 'Settings for this Shared Services Monitoring web part.',
    SetUpGroupName: 'Site set-up',
    SetUpListsButton: 'Set up lists',
    SetUpListsDescription: 'Creates or updates the Shared Services Monitoring lists on this site. Only site owners can do this.',
    SetUpListsRunning: 'Setting up lists…',
    SetUpListsDone: 'The lists are ready.',
    SetUpListsFailed: 'The lists could not be set up: {0}',
    SetUpListsUnavailable: 'Setting up lists is not available in this version yet.',
    DisplayGroupName: 'Display',
    ServiceFilterLabel: 'Default service filter',
    ServiceFilterDescription: 'Show only services whose name contains this text. Leave blank to show every service.',
    ShowStatusLabel: 'Show status',
    ShowRagLabel: 'Show RAG rating',
    ShowOfficerLabel: 'Show responsible officer',
    ShowTargetDateLabel: 'Show target date',

    // Objectives tracker
    ObjectivesHeading: 'Service development objectives',
    ObjectivesNoServices: 'No services have been added yet.',
    ObjectivesNoMatch: 'No services match "{0}".',
    ObjectivesNone: 'No objectives have been recorded for this service.',
    ColumnObjective: 'Description of the objective',
    ColumnStatus: 'Status',
    ColumnRag: 'RAG',
    ColumnOfficer: 'Responsible officer',
    ColumnTargetDate: 'Target date',
    RagLabel: 'RAG rating: {0}',

    // Benefits tracker
    BenefitsHeading: 'Benefits tracker',
    BenefitsNone: 'No benefits have been recorded in this category.',
    ColumnBenefit: 'Benefit',
    ColumnService: 'Service',
    ColumnWhenDelivered: 'When will the benefit be delivered?',
    ColumnDeliveryStatus: 'Delivery status',
    ColumnSavingsPlanned: 'Planned savings',
    ColumnSavingsRealised: 'Realised savings',

    // Risk register
    RisksHeading: 'Risk register',
    RisksNone: 'No risks have been recorded.',
    ColumnRisk: 'Risk',
    ColumnOwner: 'Risk owner',
    ColumnInherentScore: 'Inherent score',
    ColumnResidualScore: 'Residual score',
    ColumnReviewDate: 'Next review',
    ColumnRiskStatus: 'Status',

    // Highlight report
    HighlightsHeading: 'Highlight report',
    HighlightsNone: 'No highlight report has been written for this service yet.',
    HighlightsMeeting: 'Committee meeting of {0}',
    KeyPointsHeading: 'Key points of action',
    ActivityOverviewHeading: 'Overview of activity'
  };
});
