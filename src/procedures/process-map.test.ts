import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderProcessMap, wrap } from './process-map.ts';
import { app, designer, elena, step } from './test-steps.test-helpers.ts';

/** Well-formed enough for any XML reader: balanced tags, no stray < or & in text or attributes. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  const badEntity = /&(?!(amp|lt|gt|quot|#39);)/;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
  const badChar = /[<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
  let last = 0;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const text = svg.slice(last, m.index);
    if (badChar.test(text) || badEntity.test(text))
      throw new Error(`bad text before ${m[0]}: ${JSON.stringify(text)}`);
    if (badEntity.test(m[3] ?? '')) throw new Error(`bad attribute in ${m[0]}`);
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else if (!m[4]) stack.push(m[2]!);
    last = m.index + m[0].length;
  }
  expect(svg.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('process map', () => {
  const steps = [
    step('Collect the notes', { performer: elena }),
    step('Type up notes', { performer: elena, waste: { reason: 'recorded now' } }),
    step('Transcribe', { performer: app, minutes: 0 }),
    step('Build slides', { performer: designer, minutes: 480, tool: 'PowerPoint' }),
  ];
  const svg = renderProcessMap({ title: 'Deck <v2> & co', steps });

  it('draws one lane per kind of performer used, one box per step and an arrow between steps', () => {
    expect(svg.match(/class="lane"/g)).toHaveLength(3);
    expect(svg).toContain('data-kind="member"');
    expect(svg).toContain('data-kind="outtasker"');
    expect(svg).toContain('data-kind="automation"');
    expect(svg).not.toContain('data-kind="role"');
    expect(svg.match(/class="step/g)).toHaveLength(4);
    expect(svg.match(/class="flow"/g)).toHaveLength(3);
    expect(svg).toContain('Deck &lt;v2&gt; &amp; co');
    assertWellFormed(svg);
  });

  it('strikes waste steps through and says so', () => {
    const waste = svg.slice(
      svg.indexOf('class="step waste"'),
      svg.indexOf('</g>', svg.indexOf('class="step waste"')),
    );
    expect(waste).toContain('WASTE');
    expect(waste).toContain('<line');
    expect(waste).toContain('stroke-dasharray');
    expect(waste).toContain('recorded now');
    expect(svg).toMatch(/without the 1 waste steps: 3 steps/);
  });

  it('stays well-formed whatever the step names and performers are', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string({ maxLength: 80, unit: 'binary' }),
            who: fc.string({ maxLength: 30 }),
            kind: fc.constantFrom('member', 'role', 'outtasker', 'automation' as const),
            waste: fc.option(fc.string({ minLength: 1, maxLength: 20 })),
          }),
          { maxLength: 12 },
        ),
        fc.string({ maxLength: 60 }),
        (items, title) => {
          const s = items.map((i) =>
            step(i.name, {
              performer: { kind: i.kind, ref: 'x', name: i.who },
              waste: i.waste ? { reason: i.waste } : null,
            }),
          );
          assertWellFormed(renderProcessMap({ title, steps: s }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('wraps names into at most the given lines', () => {
    const lines = wrap('Pick representative quotes for every theme we found', 16, 2);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.length <= 16)).toBe(true);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});
