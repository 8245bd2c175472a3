/** Corpus 2: ward staff interviews on the hospital discharge process (different domain and form). */
import type { CorpusSpec } from '../spec.ts';

export const hospitalDischarge: CorpusSpec = {
  name: 'hospital-discharge',
  seed: 777,
  interviews: 22,
  unlabelledShare: 0.3,
  form: {
    title: "Discharge process review: St Aldhelm's ward staff interviews",
    questions: [
      { id: 'typical-day', text: 'Walk me through a typical discharge day on your unit.' },
      { id: 'obstacles', text: "What's getting in the way of discharging patients on time?" },
      { id: 'patients', text: 'How do patients and families experience discharge?' },
      { id: 'central-team', text: 'Should the hospital move to a centralized discharge team?' },
      { id: 'tools', text: 'What tools or information would help you most?' },
    ],
  },
  traits: [{ id: 'staffing', label: 'Too few nurses', share: 0.4 }],
  questions: [
    {
      id: 'typical-day',
      text: 'Walk me through a typical discharge day on your unit.',
      paraphrases: [
        'What does a normal discharge day look like for you?',
        'Can you describe how discharges usually go on your ward?',
        'Take me through what happens when a patient is going home.',
      ],
      themes: [
        {
          id: 'day-physician',
          label: "Waiting for the doctor's sign-off",
          prevalence: 0.55,
          clauses: [
            'we spend the morning waiting for the physician to write the discharge order',
            'nothing moves until the doctor signs off, and that can be mid-afternoon',
            "the attending often doesn't finish rounds until late, so the orders come late",
            'patients are ready by nine but the medical sign-off comes at three',
            'we chase the residents all day for the discharge summary',
          ],
        },
        {
          id: 'day-pharmacy',
          label: 'Take-home medications arrive late',
          prevalence: 0.45,
          clauses: [
            'the take-home medications take hours to come up from pharmacy',
            'pharmacy is a bottleneck, prescriptions sit in a queue',
            'patients wait in the lounge for their meds to be filled',
            'the medicine reconciliation alone can hold a discharge up for half a day',
            "we're always waiting on the pharmacist to verify the scripts",
          ],
        },
        {
          id: 'day-transport',
          label: 'Arranging transport home',
          prevalence: 0.3,
          clauses: [
            'booking the patient transport is a nightmare',
            "families can't pick them up until the evening",
            'the ambulance transfer to the nursing home gets rescheduled constantly',
            'getting a ride home sorted for elderly patients takes forever',
          ],
        },
        {
          id: 'day-staffing',
          label: 'Not enough nurses on shift',
          prevalence: 0.7,
          trait: 'staffing',
          clauses: [
            "we're short two nurses on most shifts",
            "there simply aren't enough staff to do discharges and admissions at once",
            'with the staffing we have, discharge teaching gets squeezed',
            "agency nurses don't know our process, and we're always short",
          ],
        },
      ],
    },
    {
      id: 'obstacles',
      text: "What's getting in the way of discharging patients on time?",
      paraphrases: [
        'What are the main reasons discharges run late?',
        'Why do patients end up leaving later than planned?',
        'What slows down getting people home?',
      ],
      themes: [
        {
          id: 'obstacles-beds',
          label: 'Poor communication with bed management',
          prevalence: 0.45,
          clauses: [
            "bed management doesn't tell us who's coming up from the emergency department",
            'we find out about incoming admissions at the last minute',
            "the bed board is never up to date, so we don't know what's been freed",
            "the flow coordinators call us every hour but don't share the plan",
          ],
        },
        {
          id: 'obstacles-insurance',
          label: 'Waiting on insurance authorisation',
          prevalence: 0.35,
          clauses: [
            'waiting for the insurer to approve the rehab placement holds us up',
            'prior authorisation for home care can take days',
            'the insurance paperwork for the skilled nursing facility holds things up',
            'case management waits on payer approval before anyone can leave',
          ],
        },
        {
          id: 'obstacles-paperwork',
          label: 'Duplicate documentation',
          prevalence: 0.4,
          clauses: [
            'we document the same thing in three different places in the record',
            'the discharge paperwork is endless and half of it is duplicated',
            'the electronic record makes us click through forty screens',
            'charting takes longer than the discharge itself',
          ],
        },
        {
          id: 'obstacles-staffing',
          label: 'Short staffing',
          prevalence: 0.85,
          trait: 'staffing',
          clauses: [
            "it's short staffing, plain and simple",
            'there are not enough nurses on the floor to get everyone out on time',
            "when we're down a nurse, discharges are the first thing to slip",
            "we don't have the staff, so everything waits",
          ],
        },
      ],
    },
    {
      id: 'patients',
      text: 'How do patients and families experience discharge?',
      paraphrases: [
        'What do you hear from patients about going home?',
        'How do families feel about the discharge process?',
        "From the patient's side, what is discharge like?",
      ],
      themes: [
        {
          id: 'patients-meds',
          label: 'Confused about their medications',
          prevalence: 0.5,
          clauses: [
            'patients go home confused about which pills to take',
            "families don't understand the new medication schedule",
            'we get calls the next day asking about doses',
            'they leave with a bag of medicines and no idea what changed',
          ],
        },
        {
          id: 'patients-rushed',
          label: 'They feel rushed at the end',
          prevalence: 0.4,
          clauses: [
            'patients feel rushed out the door at the end',
            'after waiting all day, the final part happens in a hurry',
            'families say the instructions were given in five minutes',
            'it feels hurried, nobody has time to answer their questions',
          ],
        },
        {
          id: 'patients-followup',
          label: 'No follow-up arranged',
          prevalence: 0.35,
          clauses: [
            'nobody books the follow-up appointment before they leave',
            "they don't know who to call once they're home",
            "the clinic appointment often isn't arranged, so they end up back in the emergency room",
            "there's no follow-up call after discharge",
          ],
        },
      ],
    },
    {
      id: 'central-team',
      text: 'Should the hospital move to a centralized discharge team?',
      paraphrases: [
        'What do you think about creating a central discharge team?',
        'Would a dedicated hospital-wide discharge team help or hurt?',
        'How do you feel about centralizing discharge planning?',
      ],
      split: {
        topic: 'A centralized discharge team',
        sides: ['central-yes', 'central-no'],
        firstShare: 0.5,
        neither: 0.1,
      },
      themes: [
        {
          id: 'central-yes',
          label: 'Yes, centralize now',
          prevalence: 0,
          clauses: [
            'yes, we should set up the central team as soon as possible',
            'a dedicated team would take the pressure off the wards, so do it now',
            'centralizing is overdue, other hospitals did it years ago',
            'absolutely, one team coordinating every discharge would be faster',
            "we should move ahead quickly, the current way isn't working",
          ],
        },
        {
          id: 'central-no',
          label: 'Keep it on the ward, pilot first',
          prevalence: 0,
          clauses: [
            "I'd keep discharge planning on the unit, we know our patients",
            'pilot it on one ward first before changing the whole hospital',
            "a central team wouldn't know our patients, so I'm against it",
            'we should wait and see whether it works somewhere small first',
            "don't take it away from the nurses who know the families",
          ],
        },
      ],
    },
    {
      id: 'tools',
      text: 'What tools or information would help you most?',
      paraphrases: [
        'If you could have one new tool, what would it be?',
        'What information do you wish you had during discharge?',
        'What would make your job easier on discharge days?',
      ],
      themes: [
        {
          id: 'tools-board',
          label: 'A real-time bed board',
          prevalence: 0.4,
          clauses: [
            'a live dashboard showing which beds are freeing up',
            'a real-time view of bed status across the hospital',
            'one screen that shows every pending discharge and its blockers',
          ],
        },
        {
          id: 'tools-checklist',
          label: 'A standard discharge checklist',
          prevalence: 0.4,
          clauses: [
            'a simple checklist so nothing gets missed',
            'one standard discharge checklist for every unit',
            "a shared list of steps, so everyone knows what's done",
          ],
        },
        {
          id: 'tools-pharmacy-alert',
          label: 'An early alert to pharmacy',
          prevalence: 0.35,
          clauses: [
            'an alert to pharmacy the day before a planned discharge',
            'letting pharmacy know early so the meds are ready',
            "a way to flag tomorrow's discharges to the pharmacy tonight",
          ],
        },
        {
          id: 'tools-staffing',
          label: 'More nurses, not tools',
          prevalence: 0.7,
          trait: 'staffing',
          clauses: [
            'honestly, more nurses would help more than any tool',
            'no software fixes being short-staffed',
            'extra staff on discharge days would make the biggest difference',
          ],
        },
      ],
    },
  ],
  interviewers: ['Chris Alvarez'],
  roles: ['Charge Nurse', 'Staff Nurse', 'Nurse Manager', 'Case Manager', 'Ward Pharmacist', 'Hospitalist'],
  greetings: [
    'Hi {name}, thanks for squeezing this in between shifts.',
    'Thanks for meeting with me, {name}.',
    'Hello {name}, I appreciate you taking the time.',
  ],
  smallTalkQuestions: [
    'Are you on nights this week?',
    'How is the new parking situation treating you?',
    'Busy morning?',
  ],
  smallTalkAnswers: [
    'Days this week, thankfully.',
    'The parking is a disaster, I park at the church and walk.',
    'It was chaos earlier but it has calmed down.',
    'I just had lunch, so I am good.',
  ],
  asides: [
    'Sorry, is that your pager going off?',
    'Oh, before I forget, are you going to the retirement party on Friday?',
  ],
  asideAnswers: [
    "It's fine, it can wait five minutes.",
    'I will try to make it, Brenda deserves a good send-off.',
    'Only if I can swap my shift.',
  ],
  closings: ["That's all my questions. Anything you'd like to add?", 'Is there anything else I should know?'],
  closingAnswers: [
    'No, I think that covers it.',
    'Just that people here really care, even when it is hard.',
    'Thanks for listening to us.',
  ],
  followUps: [
    'Can you tell me more about that?',
    'Why does that happen, do you think?',
    'Could you give me a recent example?',
    'How often is that the case?',
  ],
  generic: [
    'Oh, where do I start.',
    'It depends on the day, honestly.',
    "That's a tough one.",
    'Good question.',
    'Every unit is a bit different.',
  ],
  idiosyncratic: [
    'I trained in Manila and we did things very differently there.',
    'My mother was a patient here last year, so I saw it from the other side.',
    'We had a patient last week who was a retired pilot, lovely man.',
    'The vending machine on the fourth floor only takes exact change.',
    'I have been on this ward for eleven years now.',
    'Our unit won the hand hygiene award last spring.',
    'Weekends are a completely different world.',
    'The new uniforms are more comfortable, at least.',
    'One of our doctors is leaving for Australia next month.',
  ],
};
