import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.ts';
import { parseMappingFile } from './mapping-file.ts';

const parseText = (text: string) => parseMappingFile('mapping.csv', Buffer.from(text));

describe('the mapping file', () => {
  it('reads a decision per activity, the action inferred from the columns filled', () => {
    const text = [
      'Activity,Action,Task,Process,Name',
      'Interview summary deck,,Client delivery / Build the deck,,',
      '"Slide formatting, final",new,,Client delivery,Format the slides',
      'Lunch,IGNORE,,,',
      ',,,,',
      'Book travel,,,Admin,',
    ].join('\r\n');
    expect(parseText(`\uFEFF${text}`)).toEqual([
      { activity: 'Interview summary deck', action: 'task', task: 'Client delivery / Build the deck' },
      {
        activity: 'Slide formatting, final',
        action: 'new',
        process: 'Client delivery',
        name: 'Format the slides',
      },
      { activity: 'Lunch', action: 'ignore' },
      { activity: 'Book travel', action: 'new', process: 'Admin' },
    ]);
    expect(parseText('activity;task\nLunch;Eat\n')).toEqual([
      { activity: 'Lunch', action: 'task', task: 'Eat' },
    ]);
  });

  it('names the line and column of a bad row', () => {
    const fail = (text: string) => {
      try {
        parseText(text);
      } catch (e) {
        return isAppError(e) ? e.message : String(e);
      }
      return 'accepted';
    };
    expect(fail('Task,Process\nA,B\n')).toContain('must name the columns Activity');
    expect(fail('Activity,Action\nLunch,skip\n')).toBe(
      'mapping.csv:2 (column Action): "skip" is not one of task, new, ignore',
    );
    expect(fail('Activity,Action,Task\nA,,\n')).toContain('mapping.csv:2: says nothing about "A"');
    expect(fail('Activity,Action,Task\nA,task,\n')).toContain('mapping.csv:2 (column Task): is empty');
  });
});
