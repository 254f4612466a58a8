import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signInInput } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { hasDomainCode } from '../../lib/api-errors.ts';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { afterSignInPath } from './paths.ts';

const fieldNames = ['email', 'password', 'workspace'] as const;
type FieldName = (typeof fieldNames)[number];
type Values = Record<FieldName, string>;

export function SignInPage() {
  useDocumentTitle('Sign in');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ email: '', password: '', workspace: '' });
  const [isWorkspaceShown, setIsWorkspaceShown] = useState(false);
  const { errors, refuse, clear } = useFormErrors(formRef);

  const me = useQuery({ ...trpc.auth.me.queryOptions(), retry: false });
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: (session) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), session);
        void navigate(afterSignInPath(location.state), { replace: true });
      },
      onError: (error) => {
        if (hasDomainCode(error, 'WORKSPACE_REQUIRED')) setIsWorkspaceShown(true);
        refuse(splitError(error, fieldNames));
      },
    }),
  );

  if (me.isSuccess && !signIn.isPending) return <Navigate to={afterSignInPath(location.state)} replace />;

  function change(field: FieldName, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    clear(field);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signInInput.safeParse({
      email: values.email,
      password: values.password,
      workspace: isWorkspaceShown ? values.workspace : undefined,
    });
    if (!parsed.success) return refuse(splitIssues(schemaIssues(parsed.error), fieldNames));
    clear();
    signIn.mutate(parsed.data);
  }

  return (
    <main className="page page-centered">
      <div className="card sign-in">
        <p className="brand brand-large" aria-hidden="true">
          Tessera
        </p>
        <h1>Sign in</h1>
        <p className="muted">Use the email and password of your Tessera account.</p>
        {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
        <form ref={formRef} onSubmit={submit} noValidate className="form">
          <TextField
            id="email"
            label="Email"
            type="email"
            autoComplete="username"
            autoFocus
            required
            value={values.email}
            onValueChange={(value) => change('email', value)}
            error={errors.fields.email}
          />
          <TextField
            id="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={values.password}
            onValueChange={(value) => change('password', value)}
            error={errors.fields.password}
          />
          {isWorkspaceShown ? (
            <TextField
              id="workspace"
              label="Workspace"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={values.workspace}
              onValueChange={(value) => change('workspace', value)}
              error={errors.fields.workspace}
              hint="The short name of the workspace to open, such as acme."
            />
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
