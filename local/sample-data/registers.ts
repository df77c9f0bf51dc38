/**
 * The annual review registers. Best practice summarises the best-practice appendix (examples
 * shared from South Ribble to Chorley and from Chorley to South Ribble); lessons learned
 * summarise the history-of-sharing note's Revenues and Benefits review and officer conclusions.
 */
import type { BestPractice, LessonLearned } from '../../src/domain/types';
import type { BestPracticeCategory, LessonCategory } from '../../src/domain/vocabularies';
import { p } from './html';
import { CHORLEY, SERVICE, SOUTH_RIBBLE } from './services';

interface PracticeSpec {
  title: string;
  category: BestPracticeCategory;
  fromCouncil: string;
  toCouncil: string;
  description: string;
  serviceId?: number;
}

const practices: PracticeSpec[] = [
  {
    title: 'Performance and Project Leads Network',
    category: 'Networks and engagement',
    fromCouncil: SOUTH_RIBBLE,
    toCouncil: CHORLEY,
    description: p(
      'A network of colleagues who deliver corporate projects or collect and authorise performance indicators, meeting for training and to share best practice on one topic per session.',
      'The sessions improve engagement with the shared project management methodology and performance management framework.'
    ),
    serviceId: SERVICE.transformation
  },
  {
    title: 'Improving Attendance Policy',
    category: 'Policies and strategy',
    fromCouncil: SOUTH_RIBBLE,
    toCouncil: CHORLEY,
    description: p(
      'The proposed shared policy is closest to the South Ribble policy: a flexible, supportive approach in which managers identify and act on concerns, replacing the trigger points used at Chorley.'
    ),
    serviceId: SERVICE.transformation
  },
  {
    title: 'Business systems chosen for the shared teams',
    category: 'Systems and processes',
    fromCouncil: SOUTH_RIBBLE,
    toCouncil: CHORLEY,
    description: p(
      'Systems used at South Ribble were procured for the shared teams where they were more efficient or met more of the specification: HFX for door access and time management, and Citizenspace for surveys and consultation in place of SurveyMonkey.'
    ),
    serviceId: SERVICE.ict
  },
  {
    title: 'Legal specialisms',
    category: 'Structure and roles',
    fromCouncil: SOUTH_RIBBLE,
    toCouncil: CHORLEY,
    description: p(
      'The legal service was restructured around specialised roles, as South Ribble had before, so that staff focus on their specialist areas and capacity for key work is better managed.'
    ),
    serviceId: SERVICE.governance
  },
  {
    title: 'Specialist customer services teams',
    category: 'Structure and roles',
    fromCouncil: SOUTH_RIBBLE,
    toCouncil: CHORLEY,
    description: p(
      'Specialist teams for Customer Services, Revenues and Benefits, as at South Ribble, give customers direct access to a specialist and give staff routes of progression.'
    ),
    serviceId: SERVICE.customerServices
  },
  {
    title: 'Green agenda and tree planting',
    category: 'Policies and strategy',
    fromCouncil: SOUTH_RIBBLE,
    toCouncil: CHORLEY,
    description: p(
      "South Ribble's experience of climate change work helped Chorley develop its own programme, drawing on practice such as the tree planting and giveaway programme."
    )
  },
  {
    title: 'Annual Governance Statement policies and frameworks',
    category: 'Policies and strategy',
    fromCouncil: CHORLEY,
    toCouncil: SOUTH_RIBBLE,
    description: p(
      "Chorley's Organisational Development Strategy, performance management approach and Key Contracts and Partnerships framework were refreshed for South Ribble's Annual Governance Statement action plan."
    ),
    serviceId: SERVICE.governance
  },
  {
    title: 'Service Lead management level',
    category: 'Structure and roles',
    fromCouncil: CHORLEY,
    toCouncil: SOUTH_RIBBLE,
    description: p('A Service Lead level gives strategic oversight and the right management capacity in the shared services at South Ribble.')
  },
  {
    title: 'In-house performance management system',
    category: 'Systems and processes',
    fromCouncil: CHORLEY,
    toCouncil: SOUTH_RIBBLE,
    description: p(
      "Chorley's in-house systems, such as the performance management system and performance review process, were adapted for South Ribble to save cost and time."
    ),
    serviceId: SERVICE.transformation
  },
  {
    title: 'Dedicated events, graphic design and museums teams',
    category: 'Structure and roles',
    fromCouncil: CHORLEY,
    toCouncil: SOUTH_RIBBLE,
    description: p('Dedicated teams bring specialist knowledge, extra capacity and consistent branding to South Ribble.'),
    serviceId: SERVICE.communications
  },
  {
    title: 'Organisational development programme',
    category: 'Networks and engagement',
    fromCouncil: CHORLEY,
    toCouncil: SOUTH_RIBBLE,
    description: p(
      'Tried and tested initiatives from Chorley, adapted for South Ribble: an employee engagement forum, Staff Listening Days, regular job and development discussions and an e-learning hub.'
    ),
    serviceId: SERVICE.transformation
  },
  {
    title: 'Transformation Strategy',
    category: 'Policies and strategy',
    fromCouncil: CHORLEY,
    toCouncil: SOUTH_RIBBLE,
    description: p('A strategy like the one Chorley has used for several years gives South Ribble a clear, measurable approach to transformation.'),
    serviceId: SERVICE.transformation
  }
];

/** The best practice register; ids 1..n. */
export const bestPractice: BestPractice[] = practices.map((spec, i) => ({ id: i + 1, etag: '', ...spec }));

interface LessonSpec {
  title: string;
  category: LessonCategory;
  lesson: string;
  serviceId?: number;
}

const lessons: LessonSpec[] = [
  {
    title: 'Go live only when the software is ready',
    category: 'IT',
    lesson: p(
      'The service started before the software was fully implemented, which delayed responses to customers. Problems with hardware, home working, printing and retrieving documents and hot desks were still being resolved after launch.'
    ),
    serviceId: SERVICE.revenuesBenefits
  },
  {
    title: 'Align terms and conditions of staff working in one team',
    category: 'HR',
    lesson: p('Staff from different councils on the same team had different terms and conditions and working times, which caused operational difficulties.'),
    serviceId: SERVICE.revenuesBenefits
  },
  {
    title: 'Engage staff early and face to face',
    category: 'Engagement',
    lesson: p('Staff wanted more engagement early in the process and more face-to-face sessions where they could raise issues.'),
    serviceId: SERVICE.revenuesBenefits
  },
  {
    title: 'Allow enough time for training before going live',
    category: 'Timescales',
    lesson: p(
      'Timelines were too short at some stages, which cut the training staff could complete before going live. Funding deadlines meant the service went live before every new process was embedded.'
    ),
    serviceId: SERVICE.revenuesBenefits
  },
  {
    title: 'Agree an exit strategy at the start',
    category: 'Exit strategy',
    lesson: p('Many earlier shared services did not consider how a partner could leave, or how to take the service apart if it is no longer needed.')
  },
  {
    title: 'Follow sound project planning principles',
    category: 'Governance',
    lesson: p('Drivers, costs and expected performance were often unclear, which made benefits hard to analyse and progress hard to monitor.')
  },
  {
    title: 'Set realistic timescales with room for the unexpected',
    category: 'Timescales',
    lesson: p('Timescales should be realistic, with some flexibility to cope with unexpected issues.')
  },
  {
    title: 'Align IT and HR before transition',
    category: 'IT',
    lesson: p('Where IT and HR issues were aligned, the transition to the shared service was more successful.')
  }
];

/** The lessons learned register; ids 1..n. */
export const lessonsLearned: LessonLearned[] = lessons.map((spec, i) => ({ id: i + 1, etag: '', ...spec }));
