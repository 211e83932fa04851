// A real SMTP server in the test process (smtp-server), keeping every mail it receives parsed
// (mailparser), so tests read exactly what a relay would have been handed. Loopback only.
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A running test SMTP server. */
export interface TestSmtp {
  port: number;
  url: string;
  /** Every mail received so far, oldest first (recipients starting 'refused' get a 550). */
  received: ParsedMail[];
  /** Stops accepting connections (the relay is "down"); `start` brings it back on the port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

function newServer(received: ParsedMail[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    // No certificate here: plain SMTP on loopback.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A mailbox that does not exist: refused for good, as a real relay answers.
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused')) {
        const error = Object.assign(new Error('no such mailbox'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error('unparsable mail'));
        },
      );
    },
  });
}

function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

/** Starts a server on a free loopback port; closed when the test file ends. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  let server: SMTPServer | undefined = newServer(received);
  const port = await listen(server, 0);
  const stop = async () => {
    const running = server;
    server = undefined;
    if (running !== undefined) {
      await new Promise<void>((resolve) => {
        running.close(resolve);
      });
    }
  };
  after(stop);
  return {
    port,
    url: `smtp://127.0.0.1:${String(port)}`,
    received,
    stop,
    async start() {
      server = newServer(received);
      await listen(server, port);
    },
  };
}
