import { Agent } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect } from '@jest/globals';
import { sendRequest } from './internal-tls';

// A kept-alive socket the server has just closed as idle, reused by the client: the request never reached
// the server, so it is sent again on a new socket; a reset on a fresh socket, or after an answer began, is not.

/** A raw HTTP server: answers the first request on each connection, resets the connection at the second. */
async function serverResettingReusedSockets(onRequest: () => void) {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    let requests = 0;
    socket.on('data', (chunk) => {
      if (!chunk.toString('latin1').includes('\r\n\r\n')) return;
      requests += 1;
      if (requests > 1) {
        socket.resetAndDestroy();
        return;
      }
      onRequest();
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('sendRequest on kept-alive sockets', () => {
  it('sends again, once, when the server had closed the reused socket, and answers', async () => {
    let served = 0;
    const server = await serverResettingReusedSockets(() => (served += 1));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const init = { agent, method: 'POST', body: '{}', timeoutMs: 5000 };
      expect((await sendRequest(server.url, init)).body).toBe('ok');
      // Same socket, reset by the server before it read the request: a new socket answers.
      expect((await sendRequest(server.url, init)).body).toBe('ok');
      expect(served).toBe(2);
    } finally {
      agent.destroy();
      await server.close();
    }
  });

  it('does not send again when a fresh socket is reset', async () => {
    const server = createServer((socket) => socket.on('data', () => socket.resetAndDestroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent({ keepAlive: true });
    let connections = 0;
    server.on('connection', () => (connections += 1));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      await expect(sendRequest(url, { agent, method: 'POST', body: '{}', timeoutMs: 5000 })).rejects.toMatchObject({
        code: 'ECONNRESET',
      });
      expect(connections).toBe(1);
    } finally {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
