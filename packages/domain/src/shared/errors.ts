export const domainErrorCodes = [
  'INVALID_CURSOR',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'SIGN_IN_THROTTLED',
  'WORKSPACE_REQUIRED',
  'FORBIDDEN',
  'TOKEN_READ_ONLY',
  'WORKSPACE_SLUG_TAKEN',
  'MEMBER_EMAIL_TAKEN',
  'MEMBER_NOT_FOUND',
  'ROLE_ABOVE_OWN',
  'MEMBER_ROLE_ABOVE_OWN',
  'LAST_MASTER',
  'PROFILE_NOT_FOUND',
  'PROFILE_EMAIL_TAKEN',
  'PROFILE_VERSION_CONFLICT',
  'PROFILE_PHONE_TAKEN',
  'PROFILE_INTEGRATION_UUID_TAKEN',
  'PROFILE_DELETED',
  'PROFILE_NOT_DELETED',
  'CONTACT_POINT_NOT_FOUND',
  'CONTACT_POINT_UUID_TAKEN',
  'INVALID_FIELD',
  'TOKEN_NOT_FOUND',
  'INVALID_IDENTIFIER_QUERY',
  'SOURCE_RESERVED',
  'SOURCE_RECORD_NOT_FOUND',
  'SOURCE_RECORD_IDENTIFIER_TAKEN',
  'SOURCE_RECORD_PROFILE_CONFLICT',
  'SOURCE_RECORD_LIMIT_EXCEEDED',
  'IDENTIFIER_LIMIT_EXCEEDED',
  'IDENTIFIER_NOT_FOUND',
  'IDENTITY_NOT_FOUND',
  'ATTRIBUTE_DEFINITION_NOT_FOUND',
  'ATTRIBUTE_SLUG_TAKEN',
  'ATTRIBUTE_DEFINITION_IN_USE',
  'INVALID_ATTRIBUTE_VALUE',
  'ATTRIBUTE_REQUIRED',
  'ATTRIBUTE_NOT_ADOPTED',
  'PROFILE_TYPE_NOT_FOUND',
  'PROFILE_TYPE_SLUG_TAKEN',
  'PROFILE_TYPE_IN_USE',
  'WORKFLOW_NOT_FOUND',
  'WORKFLOW_SLUG_TAKEN',
  'WORKFLOW_STAGE_NOT_FOUND',
  'WORKFLOW_STAGE_IN_USE',
  'RELATIONSHIP_NOT_FOUND',
  'RELATIONSHIP_SLUG_TAKEN',
  'RELATIONSHIP_TARGET_NOT_ADOPTED',
  'RELATIONSHIP_CARDINALITY_EXCEEDED',
  'RELATIONSHIP_LINK_NOT_FOUND',
  'ORGANIZATION_NOT_FOUND',
  'ORGANIZATION_EXTERNAL_ID_TAKEN',
  'MEMBERSHIP_NOT_FOUND',
  'MEMBERSHIP_EXISTS',
  'LAST_MEMBERSHIP',
  'SETTING_IN_USE',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export interface DomainErrorOptions {
  /** The input field at fault, dot-separated (`email`, `addresses.0.city`). */
  path?: string;
  /** Ids and counts that help a caller act on the error; never personal data. */
  details?: Record<string, string | number>;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly path: string | undefined;
  readonly details: Record<string, string | number>;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.code = code;
    this.path = options.path;
    this.details = options.details ?? {};
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
