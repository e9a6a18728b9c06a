/** Which node serves the page: the e2e lab's HTTP probe, against a local server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { servingNode } from './http-page.js';

let server: Server | undefined;

async function serve(status: number, body: string): Promise<number> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server!.address() as AddressInfo).port;
}

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe('servingNode', () => {
  it('names the node from the lab page', async () => {
    const port = await serve(200, '<html><body>Lubuntu1</body></html>\n');
    expect(await servingNode('127.0.0.1', port)).toBe('Lubuntu1');
  });

  it('is undefined for an error status or another page', async () => {
    const port = await serve(503, '<html><body>Lubuntu</body></html>');
    expect(await servingNode('127.0.0.1', port)).toBeUndefined();
    await new Promise((resolve) => server!.close(resolve));
    const other = await serve(200, 'It works!');
    expect(await servingNode('127.0.0.1', other)).toBeUndefined();
  });

  it('is undefined when nothing listens', async () => {
    const port = await serve(200, '');
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    expect(await servingNode('127.0.0.1', port)).toBeUndefined();
  });
});
