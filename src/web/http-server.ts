import http from 'node:http';
import type { Express } from 'express';

// Express gives each request and response its own methods by switching their prototype on every request
// (`Object.setPrototypeOf(req, app.request)` in app.handle). V8 makes new hidden classes for each switch: under load
// the young generation's collector copied 2–4 MB of them at each pass (3–5 ms pauses), and a bare express route
// served a third of what it serves without the switch (expressjs/express#5998, nodejs/node#37457). Node can make the
// request and response with the prototype express wants from the start; express's switch is then to the prototype
// the object already has, which changes nothing. Decision 0009.
//
// Node 20's IncomingMessage and ServerResponse are plain constructor functions (not classes), so a constructor with
// another prototype can run them on its object, as Node's own subclasses did before classes. (Reflect.construct with
// a new.target would work for classes too, but measured three times slower than express's switch.) Should a later
// Node make them classes, the server is Node's plain one.

type Initialise<Args extends unknown[]> = (this: object, ...args: Args) => void;

/** Node's request, made with `prototype` (the app's request methods, inheriting IncomingMessage's). */
function requestWithPrototype(prototype: object): typeof http.IncomingMessage {
  const initialise = http.IncomingMessage as unknown as Initialise<[unknown]>;
  function Request(this: object, socket: unknown) {
    initialise.call(this, socket);
  }
  Request.prototype = prototype;
  return Request as unknown as typeof http.IncomingMessage;
}

/** Node's response, made with `prototype` (the app's response methods, inheriting ServerResponse's). */
function responseWithPrototype(prototype: object): typeof http.ServerResponse {
  const initialise = http.ServerResponse as unknown as Initialise<[unknown, unknown]>;
  function Response(this: object, req: unknown, options: unknown) {
    initialise.call(this, req, options);
  }
  Response.prototype = prototype;
  return Response as unknown as typeof http.ServerResponse;
}

const isPlainFunction = (constructor: unknown): boolean =>
  typeof constructor === 'function' && !Function.prototype.toString.call(constructor).startsWith('class');

/** The app's HTTP server, its requests and responses made with the app's own prototypes. */
export function createHttpServer(app: Express): http.Server {
  if (!isPlainFunction(http.IncomingMessage) || !isPlainFunction(http.ServerResponse))
    return http.createServer(app);
  return http.createServer(
    {
      IncomingMessage: requestWithPrototype(app.request),
      ServerResponse: responseWithPrototype(app.response),
    },
    app,
  );
}

/** The app's HTTP server once it listens on `port` (0: any free port); rejects with the error if it cannot. */
export function listenOn(app: Express, port: number): Promise<http.Server> {
  const server = createHttpServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
