import { useStore } from '../../state/store';
import { selectIndex } from '../../state/selectors';
import { workerSourceFor } from '../../state/querySource';
import { workerQuestion } from './networkPicture';

/**
 * Asks the query worker for the network's first picture as soon as the dataset and the address's view are in the
 * store. The view asks only once the app has rendered it (at 20k the worker then sat idle ~100 ms before being
 * asked, and the network was the last thing to appear); asked here, the worker builds the picture while the page
 * renders. The view's own question is the same object (graphQuestion's memo), so it shares this answer.
 */
export function askForFirstPicture(): void {
  const s = useStore.getState();
  const index = selectIndex(s);
  const source = index ? workerSourceFor(index) : null;
  const question = source && index ? workerQuestion(s, index) : null;
  if (source && question) void source.graph(question);
}
