/**
 * A small OTLP/HTTP traces receiver, as a collector would listen for them: POST /v1/traces with
 * an `application/x-protobuf` ExportTraceServiceRequest. It decodes the few fields the tests read
 * (ids, parent, name, kind, attributes, status) with its own protobuf reader, so a test sees what
 * went over the wire, not what the SDK meant to send.
 */
import { createServer, type Server } from 'node:http';

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** 1 internal, 2 server, 3 client (the proto's SpanKind). */
  kind: number;
  attributes: Record<string, unknown>;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage: string;
  /** The resource's attributes (service.name, …). */
  resource: Record<string, unknown>;
}

export interface OtlpReceiver {
  /** The base endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT takes it. */
  endpoint: string;
  spans: ReceivedSpan[];
  /** Export requests received (also those that held no span), with their content type. */
  requests: { path: string; contentType: string }[];
  close(): Promise<void>;
}

export const SpanKindCode = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;

type Field = { field: number; wire: number; value: bigint | Uint8Array };

/** The fields of one protobuf message, in order (varints as bigint, fixed values as raw bytes). */
function fields(bytes: Uint8Array): Field[] {
  const out: Field[] = [];
  let i = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = bytes[i++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (i < bytes.length) {
    const tag = Number(varint());
    const field = tag >> 3;
    const wire = tag & 7;
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      out.push({ field, wire, value: bytes.subarray(i, i + size) });
      i += size;
    } else if (wire === 2) {
      const size = Number(varint());
      out.push({ field, wire, value: bytes.subarray(i, i + size) });
      i += size;
    } else throw new Error(`unexpected protobuf wire type ${wire}`);
  }
  return out;
}

const text = (v: bigint | Uint8Array) => Buffer.from(v as Uint8Array).toString('utf8');
const hex = (v: bigint | Uint8Array) => Buffer.from(v as Uint8Array).toString('hex');
const each = (bytes: Uint8Array, field: number) =>
  fields(bytes)
    .filter((f) => f.field === field)
    .map((f) => f.value as Uint8Array);

function anyValue(bytes: Uint8Array): unknown {
  const [f] = fields(bytes);
  if (!f) return null;
  switch (f.field) {
    case 1:
      return text(f.value);
    case 2:
      return f.value === 1n;
    case 3:
      return Number(BigInt.asIntN(64, f.value as bigint));
    case 4:
      return Buffer.from(f.value as Uint8Array).readDoubleLE(0);
    case 5:
      return each(f.value as Uint8Array, 1).map(anyValue);
    default:
      return hex(f.value);
  }
}

function attributes(bytes: Uint8Array, field: number): Record<string, unknown> {
  return Object.fromEntries(
    each(bytes, field).map((kv) => {
      const parts = fields(kv);
      const key = parts.find((p) => p.field === 1);
      const value = parts.find((p) => p.field === 2);
      return [key ? text(key.value) : '', value ? anyValue(value.value as Uint8Array) : null];
    }),
  );
}

/** The spans of one ExportTraceServiceRequest. */
export function decodeTraces(body: Uint8Array): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of each(body, 1)) {
    const [resource] = each(resourceSpans, 1);
    const resourceAttributes = resource ? attributes(resource, 1) : {};
    for (const scopeSpans of each(resourceSpans, 2)) {
      for (const span of each(scopeSpans, 2)) {
        const parts = fields(span);
        const one = (n: number) => parts.find((p) => p.field === n)?.value;
        const status = one(15) as Uint8Array | undefined;
        const statusParts = status ? fields(status) : [];
        const message = statusParts.find((p) => p.field === 2)?.value;
        spans.push({
          traceId: hex(one(1) ?? new Uint8Array()),
          spanId: hex(one(2) ?? new Uint8Array()),
          parentSpanId: hex(one(4) ?? new Uint8Array()),
          name: text(one(5) ?? new Uint8Array()),
          kind: Number(one(6) ?? 0n),
          attributes: attributes(span, 9),
          statusCode: Number(statusParts.find((p) => p.field === 3)?.value ?? 0n),
          statusMessage: message ? text(message) : '',
          resource: resourceAttributes,
        });
      }
    }
  }
  return spans;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const requests: OtlpReceiver['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', contentType: String(req.headers['content-type']) });
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      spans.push(...decodeTraces(Buffer.concat(chunks)));
      // An empty ExportTraceServiceResponse: everything accepted.
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
