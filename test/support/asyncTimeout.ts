/**
 * Component tests wait for what the user would see (findBy…, waitFor). Testing Library gives up
 * after one second by default, which a loaded two-core CI machine can pass while a promise chain
 * is still settling: wait longer, so a slow machine fails only on a real absence.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 5000 });
