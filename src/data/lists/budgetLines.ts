/** Budget overview: each service's shared budget per financial year, its split and savings approved. */
import type { BudgetLine } from '../../domain/types';
import { declareList, field } from './declare';

/** The budgetLines list. */
export const budgetLinesList = declareList<BudgetLine>()({
  key: 'budgetLines',
  title: 'SSM Budget Lines',
  url: 'Lists/SSMBudgetLines',
  description: 'Shared budget of each service per financial year, split between the partner councils, with savings approved.',
  majorVersionLimit: 500,
  titleDisplayName: 'Budget line',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'financialYear', internalName: 'FinancialYear', displayName: 'Financial year (starting)', type: 'Integer', required: true, indexed: true, min: 2000, max: 2100 }),
    field({ key: 'sharedBudget', internalName: 'SharedBudget', displayName: 'Shared budget (£)', type: 'Currency', required: true, min: 0 }),
    field({
      key: 'split',
      internalName: 'BudgetSplit',
      displayName: 'Split between councils (£)',
      type: 'Json',
      jsonShape: 'array',
      description: 'Each partner council\'s share of the shared budget.'
    }),
    field({ key: 'savingsApproved', internalName: 'SavingsApproved', displayName: 'Savings approved (£)', type: 'Currency', required: true, min: 0 })
  ],
  computedTitle: (model) => (typeof model.financialYear === 'number' ? `${model.financialYear} #${String(model.serviceId ?? '')}` : undefined),
  repository: 'list',
  initial: 'budgetLines',
  sample: 'required'
});
