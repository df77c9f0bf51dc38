/** Reporting period ids of financial year 2021/22 used by the sample (Q1 is April to June). */
export const PERIOD = { q1: '2021-22-Q1', q2: '2021-22-Q2', q3: '2021-22-Q3', q4: '2021-22-Q4' } as const;
