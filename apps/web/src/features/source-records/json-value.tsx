function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNested(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : isObject(value) && Object.keys(value).length > 0;
}

/** A text as it is; a number, true, false or null set apart, so that 42 and "42" differ. */
function ScalarValue({ value }: { value: unknown }) {
  if (typeof value === 'string') return value === '' ? <span className="muted">(empty text)</span> : value;
  const literal = typeof value === 'number' || typeof value === 'boolean' ? String(value) : 'null';
  return <span className="json-literal">{literal}</span>;
}

/** Any JSON value, such as a record's attributes: an object as its keys beside their values, a list as its items, each nested beneath. */
export function JsonValue({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    if (items.length === 0) return <span className="muted">(empty list)</span>;
    return (
      <ol className="json-list">
        {items.map((item, index) => (
          <li key={index}>
            <JsonValue value={item} />
          </li>
        ))}
      </ol>
    );
  }
  if (!isObject(value)) return <ScalarValue value={value} />;
  const entries = Object.entries(value);
  if (entries.length === 0) return <span className="muted">(empty object)</span>;
  return (
    <dl className="json-object">
      {entries.map(([key, item]) => (
        <div key={key} className={isNested(item) ? 'json-entry json-entry-nested' : 'json-entry'}>
          <dt>{key}</dt>
          <dd>
            <JsonValue value={item} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
