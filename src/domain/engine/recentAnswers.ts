/**
 * The answers to the last few distinct questions, by key, the least recently used dropped first: a step back to
 * filters asked a moment ago (clearing the last filter added, undo, ticking a box on and off) is answered from here.
 */
export class RecentAnswers<V> {
  private readonly answers = new Map<string, V>();
  constructor(private readonly size: number) {}

  get(key: string, make: () => V): V {
    let answer = this.answers.get(key);
    if (answer !== undefined) this.answers.delete(key);
    else answer = make();
    this.answers.set(key, answer);
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }

  /** The answer kept for `key`, if any, without counting it as used. */
  peek(key: string): V | undefined {
    return this.answers.get(key);
  }
}
