/** A row key from a stream name through the domain's parser; a foreign stream is a wiring bug. */
export function streamKey<Key>(parse: (streamName: string) => Key | null, streamName: string, kind: string): Key {
  const key = parse(streamName);
  if (!key) throw new Error(`${streamName} is not a ${kind} stream`);
  return key;
}
