// Optional layout descriptions for the generic form page (form.html?form=ID). The schema alone gives a usable page;
// a layout only adds what a schema cannot say:
//
//   {
//     intro:    'A paragraph under the heading.',
//     sections: [{ heading, hint?, fields: ['/topLevelField', …] }],   // top-level fields in this order; fields not
//                                                                      // listed follow under `otherHeading`
//     otherHeading: 'Other details',
//     enumLabels: { 'enum-value': 'Label', … },                        // labels for enum values, form-wide
//     fields: {                                                        // by pointer, list indices written as *
//       '/children': { item: 'child', rows: 1 },                       // a list's row name and rows shown at first
//       '/children/*/send': { label: 'Question?', hint: '…' },
//       '/criteria/*/id': { label: 'Need', choices: [['id', 'Label'], …], widget: 'select' | 'radios' },
//       '/x': { widget: 'textarea', width: 10, inline: true, yes: 'Yes', no: 'No' },
//     },
//   }
//
// A pointer a layout names that the schema does not have is ignored, so a layout never breaks a page.

const REFERRAL_CRITERIA = [
  ['supported-by-assessment', 'Children and families who need help: supported by an early help, social work or partner assessment'],
  ['asb-level-2', 'Youth crime: at least a level 2 antisocial behaviour (ASB) letter'],
  ['youth-offending', 'Youth crime: open to youth offending'],
  ['adult-offending', 'Adult crime: an adult in the home committed, and was investigated for, a crime in the last 12 months'],
  ['parent-prison', 'Adult crime: a parent is in, or about to be released from, prison'],
  ['attendance-below-90', 'School attendance: below 90%'],
  ['vulnerable-learner', 'School attendance: a vulnerable learner'],
  ['repeated-exclusions', 'School attendance: repeated fixed-term or permanent exclusions'],
  ['not-registered', 'School attendance: not registered with a school'],
  ['missing-3-in-90', 'Ensuring safety: missing 3 or more times in the last 90 days'],
  ['cse-risk', 'Ensuring safety: at risk of sexual exploitation'],
  ['radicalisation-risk', 'Ensuring safety: at risk of radicalisation'],
  ['fgm-risk', 'Ensuring safety: at risk of female genital mutilation (FGM)'],
  ['trafficking-risk', 'Ensuring safety: at risk of trafficking'],
  ['cp-or-cin', 'Ensuring safety: on a child protection (CP) or child in need (CIN) plan'],
  ['complex-needs', 'Parenting: children with additional complex needs'],
  ['parental-substance-misuse', 'Parenting: parental drug and alcohol use'],
  ['domestic-abuse', 'Parenting: domestic abuse'],
  ['parental-mental-health', 'Parenting: diagnosed parental mental health issues'],
  ['physical-chastisement', 'Parenting: physical chastisement'],
  ['left-unattended', 'Parenting: children repeatedly left unattended'],
  ['missing-not-reported', 'Parenting: children repeatedly missing and not reported'],
  ['home-conditions', 'Parenting: home conditions affecting the child’s welfare'],
  ['homelessness-risk', 'Parenting: imminent risk of homelessness'],
  ['no-recourse-public-funds', 'Parenting: no recourse to public funds'],
];

export const LAYOUTS = {
  'sf-referral': {
    intro: 'This page is drawn from the referral’s schema. Answers are checked as you type; required answers are only flagged as errors when you submit.',
    sections: [
      { heading: 'About the referral', fields: ['/referralDate', '/receivedOn', '/route', '/service', '/locality'] },
      { heading: 'Referrer', fields: ['/referrer'] },
      { heading: 'Family address', fields: ['/address'] },
      { heading: 'Assessment and plan', hint: 'There must be an open and current assessment and plan in place.', fields: ['/assessment', '/plan'] },
      { heading: 'Consent', fields: ['/consent'] },
      { heading: 'The family', fields: ['/children', '/adults'] },
      { heading: 'Referral criteria', hint: 'Whole family working needs unmet needs in at least 3 domain areas and 5 sub-categories.', fields: ['/criteria'] },
    ],
    enumLabels: {
      'early-help-assessment': 'Early help assessment (EHA)',
      'early-help-support-plan': 'Early help support plan (EHSP)',
      'section-47': 'Section 47 enquiry',
      'child-in-need-plan': 'Child in need (CIN) plan',
      'child-protection-plan': 'Child protection (CP) plan',
      'locality-transfer': 'Transfer from another locality',
      'self-referral': 'Self-referral by the family',
    },
    fields: {
      '/route': { hint: 'How the referral reached Strengthening Families' },
      '/service': { label: 'Service requested' },
      '/locality': { hint: 'Based on the child’s home address' },
      '/assessment/open': { label: 'Is the assessment open and current?' },
      '/plan/open': { label: 'Is the plan open and current?' },
      '/consent/given': { label: 'Has the family given consent to the referral?' },
      '/children': { item: 'child', hint: 'Every child in the family, including unborn children.' },
      '/children/*/name': { label: 'Full name' },
      '/children/*/unborn': { label: 'Is this child unborn?' },
      '/children/*/send': { label: 'Does the child have special educational needs or a disability (SEND)?', hint: 'Young people with SEND can be supported up to the age of 25.' },
      '/children/*/attendancePercent': { label: 'School attendance (optional)', hint: 'Overall attendance, from 0 to 100' },
      '/children/*/missingEpisodes': { label: 'Missing episodes', item: 'missing episode', hint: 'Dates the child went missing.' },
      '/adults': { item: 'adult', hint: 'Parents, carers and any other adult living in the home.' },
      '/criteria': { label: 'Which needs does the family have?', item: 'need', hint: 'Add each need that applies, with its evidence.' },
      '/criteria/*/id': { label: 'Need', choices: REFERRAL_CRITERIA, widget: 'select' },
      '/criteria/*/evidence': { label: 'Evidence (optional)' },
    },
  },
};
