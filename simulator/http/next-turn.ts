/**
 * A turn of the event loop: `setImmediate` on Node, a timer in a browser (under MSW). Long work
 * (a large CSV import, a large export) awaits one between two pieces, so that other requests, of
 * this world and of the others, are answered meanwhile (issue 13). A promise or `nextTick` would
 * not do: Node can run a whole response's writes from those without once reading a socket.
 */
export const nextTurn = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
