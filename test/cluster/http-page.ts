/**
 * An HTTP GET from the host to an address on the lab bridge, the way a user's browser would
 * check the cluster IP: each node serves `<html><body>NODE</body></html>` (lab.sh), so the answer
 * says which node is serving. A fresh connection every time (no keep-alive): a kept connection
 * would stay on the old node after a failover.
 */
import { request } from 'node:http';

export interface PageAnswer {
  status: number;
  body: string;
}

export function getPage(ip: string, timeoutMs = 2_000, port = 80): Promise<PageAnswer | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: ip, port, path: '/', method: 'GET', agent: false, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined)); // refused, unreachable, reset: nobody serves yet
    req.end();
  });
}

/** The node named by the lab's page, or undefined when nothing (or something else) answered. */
export async function servingNode(ip: string, port = 80): Promise<string | undefined> {
  const answer = await getPage(ip, 2_000, port);
  if (!answer || answer.status !== 200) return undefined;
  return /<body>([^<]+)<\/body>/.exec(answer.body)?.[1];
}
