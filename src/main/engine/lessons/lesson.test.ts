// Lessons as data: a step carries its own check, so a step that names a check but lacks it
// is a type error, not a run-time "has no check"; the catalog follows the one id list.
import { describe, expect, it } from 'vitest';
import { lessonIds } from '../../../shared/lessons';
import { lessonById, lessons } from './catalog';
import { result, stepView, type StepDefinition } from './lesson';

const base = {
  id: 'listen',
  title: 'Listen on the server',
  text: 'Start a listener.',
  commands: [{ container: 'server', text: 'nc -lp 1234' }],
  action: null,
};

describe('lesson steps', () => {
  it('carry their check; one that names a check but lacks it does not type-check', async () => {
    // @ts-expect-error a step that says what it checks must carry the check
    const lacking: StepDefinition = { ...base, check: 'server listens on 1234' };
    const carrying: StepDefinition = {
      ...base,
      check: 'server listens on 1234',
      verify: async () => result(true, 'server listens on 0.0.0.0:1234.'),
    };
    const nothingToCheck: StepDefinition = { ...base, check: null };
    expect('verify' in lacking).toBe(false);
    expect(stepView(carrying)).toEqual({ ...base, check: 'server listens on 1234' });
    expect(stepView(nothingToCheck).check).toBeNull();
  });

  it('name an action with its id and label only in the view', () => {
    const run = async () => result(true, 'done');
    const view = stepView({ ...base, action: { id: 'probe', label: 'Probe', run }, check: null });
    expect(view.action).toEqual({ id: 'probe', label: 'Probe' });
  });
});

describe('the catalog', () => {
  it('holds one lesson per id, in the course order', () => {
    expect(lessons.map((l) => l.id)).toEqual([...lessonIds]);
    for (const id of lessonIds) expect(lessonById(id).id).toBe(id);
  });
});
