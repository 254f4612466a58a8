function violatedConstraint(error: unknown, sqlState: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === sqlState && typeof constraint === 'string' ? constraint : undefined;
}

/** The name of the unique constraint a database error violated, if it is a unique violation. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  return violatedConstraint(error, '23505');
}

/** The name of the foreign key a database error violated, if it is a foreign key violation. */
export function violatedForeignKey(error: unknown): string | undefined {
  return violatedConstraint(error, '23503');
}

/** The name of the check constraint a database error violated, if it is a check violation. */
export function violatedCheckConstraint(error: unknown): string | undefined {
  return violatedConstraint(error, '23514');
}
