import { useEffect, useRef, useState } from 'react';

export interface IssuedSecret {
  name: string;
  secret: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The secret of a token just created: shown this once, with a way to copy it. */
export function NewTokenSecret({ issued, onDone }: { issued: IssuedSecret; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(issued.secret);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section className="secret-box" aria-labelledby="new-token-title">
      <h2 id="new-token-title" ref={headingRef} tabIndex={-1}>
        Copy the token “{issued.name}” now
      </h2>
      <p className="secret-warning">
        <strong>This is the only time it is shown.</strong> Tessera keeps only a fingerprint of it. Store it
        in a secrets manager; if it is lost, revoke it and create another.
      </p>
      <div className="secret-row">
        <label htmlFor="new-token-secret" className="visually-hidden">
          New API token
        </label>
        <input
          id="new-token-secret"
          ref={inputRef}
          className="secret-value"
          readOnly
          value={issued.secret}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {copyState === 'copied' ? 'Copied' : 'Copy token'}
        </button>
      </div>
      <p className="secret-status" role="status">
        {copyState === 'copied' ? 'The token is on your clipboard.' : null}
        {copyState === 'failed'
          ? 'Could not copy automatically: the token is selected, copy it with Ctrl+C or ⌘C.'
          : null}
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
