import { RawConnection } from '../../bench/lib/raw-connection';

/** Opens a raw keep-alive connection to 127.0.0.1:`port`, failing when it is refused. */
export async function openConnection(port: number): Promise<RawConnection> {
  const connection = await RawConnection.open(port);

  if (connection === 'refused') {
    throw new Error(`connection to 127.0.0.1:${port} was refused`);
  }
  return connection;
}

/** Sends `GET path` on the connection: the status, or how the server ended it instead. */
export async function getStatus(connection: RawConnection, path: string): Promise<number | string> {
  const request = Buffer.from(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
  const outcome = await connection.request([request]);

  return outcome.kind === 'response' ? outcome.response.status : outcome.kind;
}
