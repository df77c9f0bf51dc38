/**
 * The action plan of the HR operating model objective, from the February 2022 report's update
 * ("on track to go live with payroll functionality in April 2022", "the management development
 * programme ... launched in January 2022").
 */
import type { ObjectiveAction } from '../../src/domain/types';
import { users } from './people';

const owen = users[3];

/** Actions of the sample objectives. */
export const objectiveActions: ObjectiveAction[] = [
  { id: 1, etag: '', objectiveId: 1, title: 'Procure the shared HR system (iTrent)', timescale: 'Autumn 2021', owner: owen, status: 'Complete' },
  { id: 2, etag: '', objectiveId: 1, title: 'Go live with payroll functionality', timescale: 'April 2022', owner: owen, status: 'In progress' },
  { id: 3, etag: '', objectiveId: 1, title: 'Launch the management development programme', timescale: 'January 2022', owner: owen, status: 'Complete' }
];
