/** Annual review: lessons learned from sharing services. */
import { LESSON_CATEGORIES } from '../../domain/vocabularies';
import type { LessonLearned } from '../../domain/types';
import { declareList, field } from './declare';

/** The lessonsLearned list. */
export const lessonsLearnedList = declareList<LessonLearned>()({
  key: 'lessonsLearned',
  titleKey: 'title',
  title: 'SSM Lessons Learned',
  url: 'Lists/SSMLessonsLearned',
  description: 'Annual review: lessons learned from sharing services.',
  majorVersionLimit: 100,
  titleDisplayName: 'Lesson summary',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    field({ key: 'lesson', internalName: 'Lesson', displayName: 'Lesson', type: 'RichText', required: true }),
    field({ key: 'category', internalName: 'LessonCategory', displayName: 'Category', type: 'Choice', choices: LESSON_CATEGORIES, required: true, indexed: true })
  ],
  repository: 'list',
  initial: 'lessonsLearned',
  sample: 'optional',
  import: { alsoReads: ['services'] }
});
