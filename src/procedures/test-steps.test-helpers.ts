/** Step factories for the procedures tests. */
import type { Performer, Step } from './procedures.ts';

let n = 0;
export function step(name: string, over: Partial<Step> = {}): Step {
  n++;
  return {
    id: `s${n}`,
    key: `k${n}`,
    name,
    description: '',
    performer: { kind: 'member', ref: 'm-elena', name: 'Elena' },
    inputs: [],
    outputs: [`${name} done`],
    tool: '',
    minutes: 60,
    acceptanceCriteria: [],
    waste: null,
    mergedFrom: [],
    ...over,
  };
}

export const elena: Performer = { kind: 'member', ref: 'm-elena', name: 'Elena' };
export const designer: Performer = { kind: 'outtasker', ref: null, name: 'Deck designer' };
export const app: Performer = { kind: 'automation', ref: null, name: 'Transcription app' };
export const analysts: Performer = { kind: 'role', ref: 'analyst', name: 'Analyst' };
