/**
 * The first Intl object made in a page loads the browser's locale data: 20–60 ms for a number format on this project's
 * machine (a collator after it ~1 ms). The data is shared by every thread of the page's process, so made once in a
 * worker, the page's own first number format takes ~0.1 ms (measured: .prof/intl.ts).
 */
export function warmIntl(): void {
  new Intl.NumberFormat('en').format(1234);
  new Intl.Collator().compare('a', 'b');
}
