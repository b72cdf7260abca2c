/** judgeChoice: the picked option's own explanation, in the page's language; no pick is an invalid answer. */
import { describe, expect, it } from 'vitest';
import { judgeChoice, type ChoiceOption } from '../../../src/kit/choice-exercise.ts';

const options: ChoiceOption[] = [
  { id: 'a', label: 'A', correct: false, explanation: 'A reads one step.' },
  { id: 'b', label: 'B', correct: true, explanation: 'B is the summary.' },
];

describe('judgeChoice', () => {
  it('gives the verdict with the option\'s explanation', () => {
    expect(judgeChoice(options, 'b')).toEqual({ status: 'correct', message: 'Correct.', explanation: 'B is the summary.' });
    expect(judgeChoice(options, 'a')).toEqual({ status: 'incorrect', message: 'Not this one.', explanation: 'A reads one step.' });
    expect(judgeChoice(options, 'a', 'zh-CN')).toEqual({ status: 'incorrect', message: '不是这个。', explanation: 'A reads one step.' });
  });
  it('asks for a pick when there is none or it is unknown', () => {
    expect(judgeChoice(options, undefined)).toEqual({ status: 'invalid', message: 'Choose one of the answers first.', explanation: null });
    expect(judgeChoice(options, 'z', 'zh-CN').status).toBe('invalid');
  });
});
